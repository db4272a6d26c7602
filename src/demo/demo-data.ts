/** The shape of data/demo/*.json: the API's fields, with `key`s instead of ids so the file reads well. */
export interface DemoData {
  /** The quarter the demo's board report is for. */
  demoPeriod: string;
  users: { email: string; name: string; role: 'admin' | 'coordinator' | 'partnership-officer' | 'viewer'; password: string; partnerships: string[] }[];
  partnerships: {
    key: string;
    name: string;
    kind: string;
    area: string | null;
    parent: string | null;
    statutory: boolean;
    chair: string | null;
    meetingsPerYear: number | null;
    members: { organisation: string; sector: string; role: string | null }[];
  }[];
  strategy: { title: string; area: string; vision: string; startDate: string; endDate: string; status: string; lead: string };
  themes: { key: string; title: string; kind: string; description: string | null }[];
  priorities: { title: string; kind: string; partnership: string | null; themes: string[] }[];
  targets: DemoTarget[];
}

export interface DemoTarget {
  code: string;
  title: string;
  theme: string;
  priorities: string[];
  unit: string;
  direction: string;
  frequency: string;
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
    actions: { description: string; owner: string; dueDate: string | null; status: string }[];
  } | null;
  progress: {
    period: string;
    value: number;
    commentary: string | null;
    risks: string | null;
    nextActions: string | null;
    status: 'draft' | 'submitted' | 'approved' | 'returned';
    returnReason?: string;
  }[];
}
