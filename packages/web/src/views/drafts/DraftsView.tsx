import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { DraftsJson } from '@parley/app/views/drafts.ts';
import { exportHref, useActorNames, useBrackets, useRedline } from '../../api/drafts.ts';
import { useView } from '../../api/queries.ts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { useAddressChoices } from '../../shell/address-choices.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { LocalCompare } from './LocalCompare.tsx';
import { SingleText } from './SingleText.tsx';
import {
  PartySwatch,
  RedlineBody,
  RedlineModeChoice,
  type Colours,
  type NameOf,
  type RedlineMode,
} from './RedlineBody.tsx';
import { UNATTRIBUTED } from './redline-segments.ts';
import { bracketParties, bracketRows, partyColours, versionTree } from './versions.ts';
import './drafts.css';
import { grouped } from '../../format/grouped.ts';

type DraftDoc = DraftsJson['documents'][number];

/**
 * A document's versions (a list and the tree of basis links, with downloads), the redline between
 * any two of them, and its brackets per party over the versions. The chosen document and versions
 * live in the address (?doc=…&from=…&to=…&mode=…), so a redline can be linked. `?compare=texts`
 * is a redline of two texts of the user's own instead, computed in the browser.
 */
export default function DraftsView() {
  const caseId = useCaseId();
  const drafts = useView(caseId, 'drafts');
  const nameOf = useActorNames(caseId);
  const [params, set] = useAddressChoices();
  if (params.get('compare') === 'texts')
    return (
      <article aria-labelledby="drafts-title">
        <h1 id="drafts-title">Drafts</h1>
        <p>
          <Link to={{ search: '' }}>← The case&apos;s drafts</Link>
        </p>
        <LocalCompare nameOf={nameOf} />
      </article>
    );
  if (drafts.isPending) return <Loading what="the drafts" />;
  if (drafts.error) return <Failure error={drafts.error} />;
  const documents = drafts.data.documents;
  const doc = documents.find((d) => d.id === params.get('doc')) ?? documents[0];
  return (
    <article aria-labelledby="drafts-title">
      <h1 id="drafts-title">Drafts</h1>
      <p>
        <Link to={{ search: '?compare=texts' }}>Compare two texts of your own</Link>{' '}
        <span className="hint">(redlined in this browser; the texts are not uploaded)</span>
      </p>
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
                <td className="number">{grouped(doc.words[v.id] ?? 0)}</td>
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
  mode: RedlineMode;
  onChange: (changes: Record<string, string>) => void;
}) {
  const ids = doc.versions.map((v) => v.id);
  const before = from && ids.includes(from) ? from : (ids.at(-2) ?? ids[0]!);
  const after = to && ids.includes(to) ? to : ids.at(-1)!;
  const redline = useRedline(caseId, doc.id, before, after);
  const r = redline.data;
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
        <RedlineModeChoice name="redline-mode" mode={mode} onChange={(m) => onChange({ mode: m })} />
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
        <RedlineBody redline={r} mode={mode} nameOf={nameOf} colours={colours} busy={redline.isFetching} />
      )}
    </section>
  );
}
