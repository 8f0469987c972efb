import { ColumnHeads } from './column-heads';
import { tierList } from './project-choice';
import type { ProfileView } from './types';

const columns = ['Profile', 'Command', 'Model', 'Tiers', 'Environment', 'Tasks'];

const sourceLabels: Readonly<Record<ProfileView['source'], string>> = { 'built-in': 'built-in', extended: 'built-in, extended', config: 'orchestra.yaml' };

/** The CLI agent profiles: what `cli=`, an agent's `cli:` or a task's agent can name. */
export function ProfilesSection({ profiles }: { profiles: ProfileView[] }) {
  return (
    <section aria-labelledby="profiles-title" className="library-section">
      <h2 id="profiles-title">Agent profiles</h2>
      <p className="muted">Coding-agent CLIs a node (<code>backend=cli</code>, <code>cli=NAME</code>) or a task can run; add one under <code>cli_agents</code> in orchestra.yaml.</p>
      <table className="runs-table" data-testid="profiles-table">
        <ColumnHeads names={columns} />
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.name} data-testid="profile-row">
              <th scope="row">
                {profile.name}
                <span className={`tag source-${profile.source}`}>{sourceLabels[profile.source]}</span>
              </th>
              <td><code>{profile.command}</code></td>
              <td>{profile.model ?? <span className="muted">CLI default</span>}</td>
              <td className="tiers">{tierList(profile.tiers).length > 0 ? tierList(profile.tiers).map((tier) => <span key={tier}>{tier}</span>) : <span className="muted">none</span>}</td>
              <td>
                <EnvNames profile={profile} />
              </td>
              <td>{profile.interactive ? 'yes' : <span className="muted">no</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Names only: a profile's env values can be credentials, and the API never sends them. */
function EnvNames({ profile }: { profile: ProfileView }) {
  const passed = profile.passEnv.filter((name) => !/proxy$/i.test(name) && name !== 'NODE_EXTRA_CA_CERTS');
  return (
    <span className="env-names">
      {profile.envNames.length > 0 && <span>sets {profile.envNames.map((name) => <code key={name}>{name}</code>)}</span>}
      {passed.length > 0 && <span>passes {passed.map((name) => <code key={name}>{name}</code>)}</span>}
      {profile.envNames.length === 0 && passed.length === 0 && <span className="muted">base only</span>}
    </span>
  );
}
