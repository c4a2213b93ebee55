import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import type { DraftsJson } from '@parley/app/views/drafts.ts';
import type { UnitChangeJson } from '@parley/core/drafts/render-json.ts';
import { exportHref, useActorNames, useBrackets, useRedline } from '../../api/drafts.ts';
import { useView } from '../../api/queries.ts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { useAddressChoices } from '../../shell/address-choices.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { SingleText } from './SingleText.tsx';
import { redlineRuns, sideRuns, UNATTRIBUTED, type RedlineRun } from './redline-segments.ts';
import { bracketParties, bracketRows, partyColours, versionTree } from './versions.ts';
import './drafts.css';

type DraftDoc = DraftsJson['documents'][number];
type Colours = Map<string, string>;
type NameOf = (id: string) => string;

/**
 * A document's versions (a list and the tree of basis links, with downloads), the redline between
 * any two of them, and its brackets per party over the versions. The chosen document and versions
 * live in the address (?doc=…&from=…&to=…&mode=…), so a redline can be linked.
 */
export default function DraftsView() {
  const caseId = useCaseId();
  const drafts = useView(caseId, 'drafts');
  const nameOf = useActorNames(caseId);
  const [params, set] = useAddressChoices();
  if (drafts.isPending) return <Loading what="the drafts" />;
  if (drafts.error) return <Failure error={drafts.error} />;
  const documents = drafts.data.documents;
  const doc = documents.find((d) => d.id === params.get('doc')) ?? documents[0];
  return (
    <article aria-labelledby="drafts-title">
      <h1 id="drafts-title">Drafts</h1>
      {!doc ? (
        <p>The case holds no draft document.</p>
      ) : (
        <>
          {documents.length > 1 && (
            <label>
              Document{' '}
              <select value={doc.id} onChange={(e) => set({ doc: e.target.value, from: '', to: '' })}>
                {documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="hint">{doc.title}</p>
          <Versions caseId={caseId} doc={doc} nameOf={nameOf} />
          <SingleText caseId={caseId} documentId={doc.id} nameOf={nameOf} />
          <Brackets caseId={caseId} doc={doc} nameOf={nameOf}>
            {(colours) => (
              <Redline
                caseId={caseId}
                doc={doc}
                nameOf={nameOf}
                colours={colours}
                from={params.get('from')}
                to={params.get('to')}
                mode={params.get('mode') === 'side-by-side' ? 'side-by-side' : 'inline'}
                onChange={set}
              />
            )}
          </Brackets>
        </>
      )}
    </article>
  );
}

function Versions({ caseId, doc, nameOf }: { caseId: string; doc: DraftDoc; nameOf: NameOf }) {
  const tree = versionTree(doc.versions);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <div className="scroll">
        <table data-testid="versions">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Version</th>
              <th scope="col">Author</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Words
              </th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {doc.versions.map((v) => (
              <tr key={v.id} data-version={v.id}>
                <td className="date">{v.date}</td>
                <td>
                  {v.title}
                  {v.reconstruction && <span className="tag">reconstruction</span>}
                </td>
                <td>{v.author ? nameOf(v.author) : '—'}</td>
                <td>{v.status}</td>
                <td className="number">{(doc.words[v.id] ?? 0).toLocaleString('en')}</td>
                <td className="downloads">
                  {(['akn', 'html', 'md'] as const).map((format) => (
                    <a
                      key={format}
                      href={exportHref(caseId, doc.id, v.id, format)}
                      download={`${doc.id}@${v.id}.${format === 'akn' ? 'xml' : format}`}
                      aria-label={`${format.toUpperCase()}: ${v.id} as ${FORMAT_NAMES[format]}`}
                    >
                      {format.toUpperCase()}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Drafted from (basis links)</h3>
      <ul className="version-tree" aria-label="Versions by basis" data-testid="version-tree">
        {tree.map(({ version, depth }) => (
          <li key={version.id} style={{ marginLeft: `${depth * 1.5}rem` }}>
            {depth > 0 && <span aria-hidden="true">↳ </span>}
            <span className="date">{version.date}</span> {version.id}
            {version.basis ? (
              <span className="hint"> (from {version.basis})</span>
            ) : (
              <span className="hint"> (a fresh text)</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const FORMAT_NAMES = { akn: 'Akoma Ntoso XML', html: 'HTML', md: 'Markdown' } as const;

/** The brackets over the versions: the chart and table, and the parties' colours for the redline. */
function Brackets({
  caseId,
  doc,
  nameOf,
  children,
}: {
  caseId: string;
  doc: DraftDoc;
  nameOf: NameOf;
  children: (colours: Colours) => React.ReactNode;
}) {
  const brackets = useBrackets(caseId, doc.id);
  const parties = useMemo(() => (brackets.data ? bracketParties(brackets.data) : []), [brackets.data]);
  const colours = useMemo(() => partyColours([...parties, UNATTRIBUTED]), [parties]);
  const rows = useMemo(
    () => (brackets.data ? bracketRows(brackets.data).map((r) => ({ ...r, name: nameOf(r.party) })) : []),
    [brackets.data, nameOf],
  );
  const versions = useMemo(() => brackets.data?.entries.map((e) => e.version) ?? [], [brackets.data]);
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      marginLeft: 50,
      marginRight: 130,
      marginBottom: 60,
      height: 280,
      x: { type: 'point', domain: versions, label: null, tickRotate: -20 },
      y: { label: 'open brackets', grid: true, zero: true },
      color: { domain: rows.map((r) => r.name), range: rows.map((r) => colours.get(r.party)!), legend: true },
      marks: [
        // The figures are in the table below: the marks themselves stay out of the accessibility tree.
        Plot.line(rows, { x: 'version', y: 'brackets', stroke: 'name', marker: 'dot', ariaHidden: 'true' }),
        Plot.text(
          rows,
          Plot.selectLast({
            x: 'version',
            y: 'brackets',
            z: 'name',
            text: 'name',
            dx: 8,
            textAnchor: 'start',
            ariaHidden: 'true',
          }),
        ),
      ],
    }),
    [rows, colours, versions],
  );
  return (
    <>
      {children(colours)}
      <section aria-labelledby="brackets-title">
        <h2 id="brackets-title">Brackets per party over the versions</h2>
        {brackets.isPending && <Loading what="the brackets" />}
        {brackets.error && <Failure error={brackets.error} />}
        {brackets.data && (
          <>
            <PlotFigure
              options={options}
              label="Open brackets per party in each version"
              testId="brackets-chart"
            />
            <div className="scroll">
              <table data-testid="brackets-table">
                <caption>Open brackets per version and party</caption>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Date</th>
                    {parties.map((p) => (
                      <th scope="col" key={p} className="number">
                        <PartySwatch party={p} colours={colours} /> {nameOf(p)}
                      </th>
                    ))}
                    <th scope="col" className="number">
                      All
                    </th>
                    <th scope="col" className="number">
                      Agreed / bracketed provisions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {brackets.data.entries.map((e) => (
                    <tr key={e.version}>
                      <th scope="row">{e.version}</th>
                      <td className="date">{e.date}</td>
                      {parties.map((p) => (
                        <td key={p} className="number">
                          {e.byParty[p] ?? 0}
                        </td>
                      ))}
                      <td className="number">{e.brackets}</td>
                      <td className="number">
                        {e.provisions.agreed} / {e.provisions.bracketed}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function PartySwatch({ party, colours }: { party: string; colours: Colours }) {
  return <span className="swatch" aria-hidden="true" style={{ background: colours.get(party) }} />;
}

function Redline({
  caseId,
  doc,
  nameOf,
  colours,
  from,
  to,
  mode,
  onChange,
}: {
  caseId: string;
  doc: DraftDoc;
  nameOf: NameOf;
  colours: Colours;
  from: string | null;
  to: string | null;
  mode: 'inline' | 'side-by-side';
  onChange: (changes: Record<string, string>) => void;
}) {
  const ids = doc.versions.map((v) => v.id);
  const before = from && ids.includes(from) ? from : (ids.at(-2) ?? ids[0]!);
  const after = to && ids.includes(to) ? to : ids.at(-1)!;
  const redline = useRedline(caseId, doc.id, before, after);
  const r = redline.data;
  const shown = r?.changes.filter((c) => c.op !== 'unchanged' || c.moved || c.renumbered) ?? [];
  const quiet = (r?.changes.length ?? 0) - shown.length;
  return (
    <section aria-labelledby="redline-title">
      <h2 id="redline-title">Redline</h2>
      <div className="filters">
        <label>
          From{' '}
          <select aria-label="From" value={before} onChange={(e) => onChange({ from: e.target.value })}>
            {ids.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          To{' '}
          <select aria-label="To" value={after} onChange={(e) => onChange({ to: e.target.value })}>
            {ids.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <fieldset className="mode">
          <legend>Show</legend>
          {(['inline', 'side-by-side'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="redline-mode"
                checked={mode === m}
                onChange={() => onChange({ mode: m })}
              />{' '}
              {m === 'inline' ? 'Inline' : 'Side by side'}
            </label>
          ))}
        </fieldset>
        <a
          href={exportHref(caseId, doc.id, after, 'html') + `&against=${encodeURIComponent(before)}`}
          download
        >
          Download this redline (HTML)
        </a>
      </div>
      <p className="hint legend">
        <ins>added words</ins> <del>removed words</del>{' '}
        <span className="bracket-mark">[Party: bracketed text]</span> — each bracket names the party that
        holds it.
      </p>
      {redline.isPending && <Loading what="the redline" />}
      {redline.error && <Failure error={redline.error} />}
      {r && (
        <div data-testid="redline" aria-busy={redline.isFetching}>
          <p data-testid="redline-summary">
            {r.a.label} → {r.b.label}: words +{r.summary.wordsAdded} −{r.summary.wordsRemoved} · moved{' '}
            {r.summary.moved} · renumbered {r.summary.renumbered} · units: {r.summary.units.modified}{' '}
            modified, {r.summary.units.inserted} inserted, {r.summary.units.deleted} deleted,{' '}
            {r.summary.units.unchanged} unchanged
          </p>
          <BracketChanges summary={r.summary} nameOf={nameOf} colours={colours} />
          {r.summary.statusChanges.length > 0 && (
            <ul aria-label="Provision status changes" data-testid="status-changes">
              {r.summary.statusChanges.map((s) => (
                <li key={s.unit}>
                  {s.label}: {s.before ?? '—'} → {s.after ?? '—'}
                </li>
              ))}
            </ul>
          )}
          <ol className="units" aria-label="Changed units">
            {shown.map((c, i) => (
              <UnitChange key={i} change={c} mode={mode} nameOf={nameOf} colours={colours} />
            ))}
          </ol>
          {quiet > 0 && <p className="hint">{quiet} units unchanged (not shown).</p>}
        </div>
      )}
    </section>
  );
}

function BracketChanges({
  summary,
  nameOf,
  colours,
}: {
  summary: { brackets: Record<string, { before: number; after: number; opened: number; closed: number }> };
  nameOf: NameOf;
  colours: Colours;
}) {
  const parties = Object.keys(summary.brackets);
  if (parties.length === 0) return null;
  return (
    <div className="scroll">
      <table data-testid="redline-brackets">
        <caption>Brackets per party in this redline</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col" className="number">
              Before
            </th>
            <th scope="col" className="number">
              After
            </th>
            <th scope="col" className="number">
              Opened
            </th>
            <th scope="col" className="number">
              Closed
            </th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => {
            const b = summary.brackets[p]!;
            return (
              <tr key={p}>
                <th scope="row">
                  <PartySwatch party={p} colours={colours} /> {nameOf(p)}
                </th>
                <td className="number">{b.before}</td>
                <td className="number">{b.after}</td>
                <td className="number">+{b.opened}</td>
                <td className="number">−{b.closed}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const OP_WORDS = {
  modified: 'changed',
  inserted: 'added',
  deleted: 'removed',
  unchanged: 'unchanged',
} as const;

function UnitChange({
  change: c,
  mode,
  nameOf,
  colours,
}: {
  change: UnitChangeJson;
  mode: 'inline' | 'side-by-side';
  nameOf: NameOf;
  colours: Colours;
}) {
  const runs = useMemo(() => redlineRuns(c.edits ?? []), [c.edits]);
  const label = c.b?.label ?? c.a?.label ?? c.unit;
  const notes: string[] = [OP_WORDS[c.op]];
  if (c.moved) notes.push(`moved from ${c.a?.label}`);
  else if (c.renumbered && c.a && c.b) notes.push(`renumbered from ${c.a.label}`);
  if (c.statusBefore !== c.statusAfter && (c.statusBefore || c.statusAfter))
    notes.push(`${c.statusBefore ?? '—'} → ${c.statusAfter ?? '—'}`);
  if (c.degraded) notes.push('shown as replaced (too many word edits)');
  return (
    <li className={`unit unit-${c.op}`} data-unit={c.b?.id ?? c.a?.id}>
      <h3 className="unit-label">
        {label} <span className="hint">({notes.join('; ')})</span>
      </h3>
      {runs.length > 0 &&
        (mode === 'inline' ? (
          <p className="redline-text">
            <Runs runs={runs} nameOf={nameOf} colours={colours} />
          </p>
        ) : (
          <div className="side-by-side">
            <div>
              <p className="side-label">{c.a ? `Before (${c.a.label})` : 'Before: not in this version'}</p>
              <p className="redline-text">
                <Runs runs={sideRuns(runs, 'before')} nameOf={nameOf} colours={colours} />
              </p>
            </div>
            <div>
              <p className="side-label">{c.b ? `After (${c.b.label})` : 'After: not in this version'}</p>
              <p className="redline-text">
                <Runs runs={sideRuns(runs, 'after')} nameOf={nameOf} colours={colours} />
              </p>
            </div>
          </div>
        ))}
    </li>
  );
}

/** The runs of a unit: added and removed words as <ins>/<del>, brackets named by party and underlined in its colour. */
function Runs({ runs, nameOf, colours }: { runs: readonly RedlineRun[]; nameOf: NameOf; colours: Colours }) {
  const partyName = (p: string) => (p === UNATTRIBUTED ? 'unattributed' : nameOf(p));
  return (
    <>
      {runs.map((r, i) => {
        const space = r.space ? ' ' : '';
        let body: React.ReactNode;
        if (r.kind === 'text') {
          body = r.party ? (
            <span className="bracketed" style={{ borderColor: colours.get(r.party) }} data-party={r.party}>
              {r.text}
            </span>
          ) : (
            r.text
          );
        } else if (r.kind === 'close') {
          body = <span className="bracket-mark">{r.choice ? '}' : ']'}</span>;
        } else {
          body = (
            <span className="bracket-mark" style={{ borderColor: colours.get(r.party) }} data-party={r.party}>
              {r.kind === 'open' ? (r.choice ? '{' : '[') : '| '}
              <b>{partyName(r.party)}:</b>{' '}
            </span>
          );
        }
        const Tag = r.op === 'insert' ? 'ins' : r.op === 'delete' ? 'del' : 'span';
        return (
          <span key={i}>
            {space}
            <Tag>{body}</Tag>
          </span>
        );
      })}
    </>
  );
}
