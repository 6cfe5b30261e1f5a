import { useT } from '../../i18n/useT.ts';
import type { ImportProblem } from './importStore.ts';

/** Main's message as it came (already in the creator's language), or a generic sentence around anything else. */
export function ProblemText({ problem }: { problem: ImportProblem }) {
  const t = useT();
  return <>{problem.kind === 'api' ? problem.message : t('import.failed.unexpected', { details: problem.details })}</>;
}
