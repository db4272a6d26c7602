import { AssignmentDto } from './dto/assignment.dto';
import { Assignment } from './assignment.entity';

export function toAssignmentDto(a: Assignment): AssignmentDto {
  const supporting = [...(a.supportingPartnerships ?? [])].sort((x, y) => x.name.localeCompare(y.name));
  return {
    id: a.id,
    targetId: a.targetId,
    partnershipId: a.partnershipId,
    partnershipName: a.partnership?.name ?? '',
    supportingPartnershipIds: supporting.map((p) => p.id),
    supportingPartnerships: supporting.map((p) => ({ id: p.id, name: p.name })),
    accountableOfficer: { name: a.officerName, email: a.officerEmail },
    status: a.status,
    actions: [...(a.actions ?? [])]
      .sort((x, y) => x.position - y.position)
      .map((x) => ({ description: x.description, owner: x.owner, dueDate: x.dueDate, status: x.status })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
