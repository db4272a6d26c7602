/**
 * The shape of data/demo/*.json: the API's fields, with `key`s instead of ids so the file reads
 * well. The seeder loads it through the services; test/demo-data.spec.ts checks its references
 * and the board picture it gives.
 */
import type { UpdateStatus as ProgressStatus } from '../domain/progress-returns';
import type { Direction, Frequency } from '../domain/status';

export type Role = 'admin' | 'coordinator' | 'partnership-officer' | 'viewer';
export type PartnershipKind = 'lsp' | 'thematic' | 'other';
export type Sector = 'public' | 'private' | 'voluntary' | 'community';
export type { ProgressStatus };
export type ActionStatus = 'not-started' | 'in-progress' | 'done' | 'overdue';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  partnerships: string[];
}
export interface DemoMember {
  organisation: string;
  sector: Sector;
  role: string;
}
export interface DemoPartnership {
  key: string;
  name: string;
  kind: PartnershipKind;
  area: string;
  parent: string | null;
  statutory: boolean;
  chair: string;
  meetingsPerYear: number;
  members: DemoMember[];
}
export interface DemoStrategy {
  title: string;
  area: string;
  vision: string;
  startDate: string;
  endDate: string;
  status: 'draft' | 'adopted' | 'archived';
  lead: string;
}
export interface DemoTheme {
  key: string;
  title: string;
  kind: 'theme' | 'population-group';
  description: string;
}
export interface DemoPriority {
  title: string;
  kind: 'cross-cutting' | 'local';
  partnership: string | null;
  themes: string[];
}
export interface DemoAction {
  description: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
}
export interface DemoProgress {
  period: string;
  value: number;
  commentary: string;
  risks: string | null;
  nextActions: string | null;
  status: ProgressStatus;
  returnReason?: string;
}
export interface DemoTarget {
  code: string;
  title: string;
  theme: string;
  priorities: string[];
  unit: string;
  direction: Direction;
  frequency: Frequency;
  tolerancePercent: number;
  baselineValue: number;
  baselinePeriod: string;
  targetValue: number;
  targetPeriod: string;
  milestones: { period: string; value: number }[];
  assignment: {
    lead: string;
    supporting: string[];
    officer: { name: string; email: string };
    actions: DemoAction[];
  };
  progress: DemoProgress[];
}
export interface DemoData {
  demoPeriod: string;
  users: DemoUser[];
  partnerships: DemoPartnership[];
  strategy: DemoStrategy;
  themes: DemoTheme[];
  priorities: DemoPriority[];
  targets: DemoTarget[];
}
