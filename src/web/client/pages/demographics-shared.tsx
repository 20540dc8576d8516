import { UpdatedFooter } from '../components/Footer.js';

export const Y_LABEL = 'Learners (Self-Reported)';

export function DemographicsFooter({ rows }: { rows: ReadonlyArray<{ created?: string | null }> }) {
  return (
    <UpdatedFooter label="Demographic learner data" rows={rows}
      extra="All above demographic data was self-reported at the time of registration." />
  );
}
