import { environmentLabels, type EnvironmentId } from '../../shared/profile';

/** The environment in its colour: production red, test amber, practice green, custom grey. */
export function EnvBadge({
  environment,
  large,
}: {
  readonly environment: EnvironmentId;
  readonly large?: boolean;
}) {
  return (
    <span className={`env-badge env-${environment}${large ? ' env-badge-large' : ''}`}>
      {environmentLabels[environment]}
    </span>
  );
}
