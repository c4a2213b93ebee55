// The case `parley init` writes: a small, valid, commented example of every case file, with
// invented content. It is data, not files on disk, so that the source run and the bundled CLI
// (dist/parley.mjs) carry the same template. new-case.test.ts checks that it loads without a
// single diagnostic and that deals finds a window in it.

/** One file of the new case: its path relative to the case folder, and its text. */
export interface TemplateFile {
  path: string;
  text: string;
}

export const newCaseTemplate: readonly TemplateFile[] = [
  {
    path: 'case.yaml',
    text: `# A new Parley case, written by \`parley init\`. Every name, date and event in it is INVENTED: the
# Tessel Valley talks between Aldria and Borvia never happened. Replace the records with your own,
# run \`parley validate <this folder>\` after each change, and read docs/first-case.md for a tour.
#
# The one rule of a case: facts and assumptions never mix.
#   - A fact (an actor, a role, a round, an event, a claim, an issue, a position, a draft version,
#     a guarantee instrument) cites at least one source id from sources.yaml in \`sources\`, and
#     says what the source reports in your own words.
#   - An analyst judgement (a weight, a score, a reservation value, a willingness probability)
#     lives only in model.yaml or guarantees.yaml, marked as an assumption with its rationale.
#   - Where sources disagree, do not pick: hold a proposition and the competing claims
#     (claims.yaml), and point the disputed record at the proposition with \`contestedBy\`.
#
# Field reference for every file: docs/case-fields.md.

# The case format this folder is written in (Parley migrates older versions when it reads them).
formatVersion: 2
# A kebab-case id: lower-case letters, digits and "-". Every record id follows the same rule.
id: tessel-valley-talks
title: Tessel Valley talks (an invented example)
summary: >-
  An invented negotiation between Aldria and Borvia over the demilitarisation of the Tessel Valley,
  mediated by an envoy of the Harbour League, with Castria as a prospective guarantor for Borvia.
# Dates are EDTF: 2031-02-10 (a day), 2031-02 (a month), 2031 (a year), 2031-02-10? (uncertain),
# 2031-02~ (approximate), 2031-01/2031-06 (an interval; ".." for an open end).
period: 2031-01/2031-06
# The date views use when no --at is given.
asOf: 2031-04-20
license: CC0-1.0 (invented example content)
method: Written by parley init as a starting point; every record is invented.
`,
  },
  {
    path: 'sources.yaml',
    text: `# Where the facts come from. Every factual record in the case cites at least one of these ids, and
# every source here must be cited somewhere (an uncited source is usually a misspelt id).
sources:
  - id: valley-herald
    title: Talks on the Tessel Valley open in Port Saline
    outlet: Valley Herald
    date: 2031-02-11
    # analysis, news-report, opinion, press-summary, official-document, interview, primary-text
    kind: news-report
    # high, medium or low; say why in the note.
    reliability: medium
    note: An invented newspaper; a single reporter's account of the first round.
  - id: envoy-briefing
    title: The envoy's briefing to the Harbour League council
    author: Lena Varo
    date: 2031-04-18
    url: https://example.org/tessel/envoy-briefing
    kind: official-document
    reliability: high
    note: An invented briefing by the mediator herself, after the second round.
  - id: aldria-statement
    title: Aldrian foreign ministry statement on the talks
    outlet: Aldrian foreign ministry
    date: 2031-04-20
    kind: official-document
    reliability: medium
    note: An invented statement by one party; it speaks for Aldria, not for the talks.
`,
  },
  {
    path: 'actors.yaml',
    text: `# Everyone who appears in the case: states, organisations and persons.
actors:
  - id: aldria
    # state, organisation or person
    kind: state
    name: Republic of Aldria
    sources: [valley-herald]
  - id: borvia
    kind: state
    name: Kingdom of Borvia
    sources: [valley-herald]
  - id: castria
    kind: state
    name: Federation of Castria
    description: A larger neighbour of both parties, asked to guarantee the settlement.
    sources: [envoy-briefing]
  - id: harbour-league
    kind: organisation
    name: Harbour League
    sources: [valley-herald]
  - id: lena-varo
    kind: person
    name: Lena Varo
    # A person acts for a state or organisation (affiliation) in an office.
    affiliation: harbour-league
    office: special envoy of the Harbour League
    sources: [envoy-briefing]
`,
  },
  {
    path: 'roles.yaml',
    text: `# What each actor is in the negotiation, optionally bounded in time (from/to) or to rounds.
roles:
  - id: aldria-party
    actor: aldria
    # party, delegation-head, delegation-member, mediator, facilitator, host,
    # prospective-guarantor, external-stakeholder, commentator
    role: party
    sources: [valley-herald]
  - id: borvia-party
    actor: borvia
    role: party
    sources: [valley-herald]
  - id: varo-mediator
    actor: lena-varo
    role: mediator
    from: 2031-02-10
    sources: [envoy-briefing]
  - id: league-host
    actor: harbour-league
    role: host
    rounds: [round-1]
    sources: [valley-herald]
  - id: castria-guarantor
    actor: castria
    role: prospective-guarantor
    # For a guarantor: the state it would guarantee.
    for: borvia
    # Whether Castria really offered is disputed: see the proposition in claims.yaml.
    contestedBy: [castria-offered-guarantee]
    sources: [envoy-briefing]
`,
  },
  {
    path: 'rounds.yaml',
    text: `# The sessions of the talks, in any order (views sort them by date).
rounds:
  - id: round-1
    number: 1
    name: First round in Port Saline
    date: 2031-02-10
    venue: Port Saline, Harbour League headquarters
    # in-person, video, shuttle, phone, mixed
    format: in-person
    delegations:
      - party: aldria
      - party: borvia
    hosts: [harbour-league]
    mediators: [lena-varo]
    outcome: Agenda agreed; Aldria tabled the first draft of the accord.
    # Draft versions tabled or produced in the round, as document@version (see drafts.yaml).
    documents: [valley-accord@v1]
    sources: [valley-herald]
  - id: round-2
    number: 2
    name: Second round by video link
    date: 2031-04-14/2031-04-16
    venue: video link
    format: video
    mediators: [lena-varo]
    outcome: A joint text with the open points in brackets.
    documents: [valley-accord@v2]
    sources: [envoy-briefing]
`,
  },
  {
    path: 'events.yaml',
    text: `# What happened outside the negotiating room. The analyst's model (model.yaml) ties the moves of
# each party's "no deal" value to these events.
events:
  - id: talks-open
    date: 2031-02-10
    # military, political, diplomatic, humanitarian, statement
    kind: diplomatic
    title: The Tessel Valley talks open
    actors: [aldria, borvia, harbour-league]
    sources: [valley-herald]
  - id: border-incident
    date: 2031-04-25
    kind: military
    title: Exchange of fire at the Tessel bridge
    description: Patrols of both sides exchange fire at the bridge over the Tessel; no one is killed.
    actors: [aldria, borvia]
    sources: [aldria-statement]
`,
  },
  {
    path: 'claims.yaml',
    text: `# Contested points. A proposition is a statement; claims support or dispute it, each with who said
# it (claimant), when (asserted) and where it is reported (sources). A proposition with claims on
# both sides (or claims giving different \`value\`s) is contested, and every view marks the records
# that point at it with \`contestedBy\` as "⚑ contested".
propositions:
  - id: castria-offered-guarantee
    statement: Castria offered to guarantee the settlement for Borvia.
    topic: guarantees
claims:
  - id: envoy-says-castria-offered
    proposition: castria-offered-guarantee
    # supports or disputes
    stance: supports
    claimant: lena-varo
    asserted: 2031-04-18
    # The claim in your own words.
    summary: The envoy told the League council that Castria had offered to guarantee the accord.
    sources: [envoy-briefing]
  - id: aldria-denies-offer
    proposition: castria-offered-guarantee
    stance: disputes
    claimant: aldria
    asserted: 2031-04-20
    summary: Aldria says Castria never made a formal offer, only a remark at dinner.
    # A short verbatim quotation (25 words at most) is allowed in claims only.
    quote: no offer was ever put on the table
    sources: [aldria-statement]
`,
  },
  {
    path: 'issues.yaml',
    text: `# The agenda. Each issue has a kind that fixes what a position on it looks like:
#   boolean (true/false), choice (one of \`options\`), number (in \`unit\`), set (a subset of
#   \`members\`), text (free wording, not scored). \`category\` follows the PA-X codebook families.
issues:
  - id: demilitarised-zone
    title: A demilitarised zone along the Tessel
    kind: boolean
    category: military-limits
    sources: [valley-herald]
  - id: monitoring
    title: Who monitors the valley
    kind: choice
    category: procedure
    options:
      - { id: joint-commission, label: A joint Aldrian–Borvian commission }
      - { id: league-observers, label: Observers of the Harbour League }
    sources: [valley-herald]
  - id: troop-ceiling
    title: Troops each side may keep in the valley
    kind: number
    category: military-limits
    unit: troops
    sources: [envoy-briefing]
  - id: guarantors
    title: Guarantors of the accord
    kind: set
    category: security-guarantees
    # The possible members of a set issue (actor ids here); a position picks a subset.
    members: [castria]
    sources: [envoy-briefing]
`,
  },
  {
    path: 'positions.yaml',
    text: `# What each party held on each issue, from which date, as the sources report it. The value's shape
# must fit the issue: true/false, an option id, a number (or a range), a list of members.
positions:
  - id: aldria-dmz-1
    party: aldria
    issue: demilitarised-zone
    date: 2031-02-10
    value: false
    # proposed, accepted, rejected, withdrawn
    status: proposed
    # How sure the analyst is that the sources report the position right: high, medium, low.
    confidence: high
    sources: [valley-herald]
  - id: borvia-dmz-1
    party: borvia
    issue: demilitarised-zone
    date: 2031-02-10
    value: true
    status: proposed
    confidence: high
    sources: [valley-herald]
  - id: aldria-monitoring-1
    party: aldria
    issue: monitoring
    date: 2031-02-10
    value: joint-commission
    # The red line: the worst value the party is reported to accept.
    redLine: joint-commission
    status: proposed
    confidence: medium
    sources: [valley-herald]
  - id: borvia-monitoring-1
    party: borvia
    issue: monitoring
    date: 2031-02-10
    value: league-observers
    status: proposed
    confidence: medium
    sources: [valley-herald]
  - id: aldria-troops-1
    party: aldria
    issue: troop-ceiling
    date: 2031-02-10
    value: 2000
    unit: troops
    status: proposed
    confidence: high
    # The draft version where the position is written.
    document: valley-accord@v1
    sources: [valley-herald]
  - id: borvia-troops-2
    party: borvia
    issue: troop-ceiling
    date: 2031-04-14/2031-04-16
    # A number issue may take a range instead of a single value.
    range: { min: 500, max: 1000 }
    status: proposed
    confidence: medium
    document: valley-accord@v2
    sources: [envoy-briefing]
  - id: borvia-guarantors-2
    party: borvia
    issue: guarantors
    date: 2031-04-14/2031-04-16
    value: [castria]
    status: proposed
    confidence: medium
    # The record rests on a disputed point; views mark it contested.
    contestedBy: [castria-offered-guarantee]
    sources: [envoy-briefing]
`,
  },
  {
    path: 'drafts.yaml',
    text: `# Treaty drafts: each document has versions, each version a text file in the bracket-text format
# (docs/drafts-format.md): \`[aldria: …]\` is wording one party proposed, \`{aldria: … | borvia: …}\`
# holds each party's wording of one clause. \`parley diff\` and \`parley brackets\` read them.
documents:
  - id: valley-accord
    title: Accord on the Tessel Valley
    # treaty, communique, memorandum, annex, other
    kind: treaty
    versions:
      - id: v1
        date: 2031-02-10
        # The party that wrote the version (an actor id), or \`joint\`.
        author: aldria
        # working-draft, tabled, agreed-framework, initialled, signed, superseded, abandoned
        status: tabled
        text: drafts/v1.txt
        # true when the text is rebuilt from reports rather than the original.
        reconstruction: true
        sources: [valley-herald]
      - id: v2
        date: 2031-04-16
        author: joint
        # The version this one was written on top of.
        basis: v1
        status: working-draft
        text: drafts/v2.txt
        reconstruction: true
        note: Rebuilt from the envoy's briefing; the brackets mark what each side still disputed.
        sources: [envoy-briefing]
`,
  },
  {
    path: 'drafts/v1.txt',
    text: `# Accord on the Tessel Valley: Aldrian draft of 10 February 2031
@reconstruction: true
@sources: valley-herald
@note: An invented text, written by parley init as an example.

## Preamble

The Republic of Aldria and the Kingdom of Borvia, wishing to keep the peace in the Tessel Valley, have agreed as follows.

## Article 1. Forces in the valley
@issues: troop-ceiling, demilitarised-zone

1. Each party may keep up to 2000 troops in the Tessel Valley.

## Article 2. Monitoring
@issues: monitoring

1. A joint commission of the parties shall monitor this Accord.
`,
  },
  {
    path: 'drafts/v2.txt',
    text: `# Accord on the Tessel Valley: joint text of 16 April 2031
@reconstruction: true
@sources: envoy-briefing
@note: An invented text, written by parley init as an example. Brackets mark what each side still disputed.

## Preamble

The Republic of Aldria and the Kingdom of Borvia, wishing to keep the peace in the Tessel Valley, have agreed as follows.
@status: agreed

## Article 1. Forces in the valley
@issues: troop-ceiling, demilitarised-zone
@status: bracketed

1. Each party may keep up to {aldria: 2000 | borvia: 1000} troops in the Tessel Valley.

2. [borvia: No armed forces shall enter a zone of five kilometres on either bank of the Tessel.]

## Article 2. Monitoring
@issues: monitoring
@status: bracketed

1. {aldria: A joint commission of the parties | borvia: Observers of the Harbour League} shall monitor this Accord.

## Article 3. Guarantee
@issues: guarantors

1. [borvia: Castria guarantees the security of Borvia.] If Borvia is attacked and asks for help, the guarantor shall consult with Borvia within seven days.
@status: bracketed

2. The guarantor shall then decide for itself on the help it gives, which may be diplomatic support or the supply of weapons.
@status: agreed

3. The guarantee does not extend to the Saline Islands.
@status: agreed
`,
  },
  {
    path: 'guarantees.yaml',
    text: `# Security guarantees: what an instrument promises, and whether help would come. The instrument is
# a fact (what the draft text says) and cites sources; willingness is the analyst's assumption.
# Run \`parley guarantees <this folder>\` to compare. Docs: docs/guarantees.md.
instruments:
  - id: accord-guarantee-v2
    title: Accord on the Tessel Valley, Article 3 (joint text of 16 April 2031)
    date: 2031-04-16
    # The party whose wording this is, when the text was bracketed between parties.
    wordingOf: borvia
    guaranteedState: borvia
    guarantors: [castria]
    # armed-attack, nuclear-attack, threat-of-attack, nuclear-threat
    triggers: [armed-attack]
    # true: help is due only once the guaranteed state asks for it.
    requiresRequest: true
    # Places (below) of the guaranteed state that the guarantee does not cover.
    excludes: [saline-islands]
    consultation:
      triggers: [armed-attack]
      days: 7
      withGuaranteedState: true
    # individual, unanimity-all, unanimity-excluding-attacker, majority, unsc
    decisionRule: individual
    # must-act, may-act, consult-only, seek-unsc-action
    obligation: must-act
    # The forms of help the text names: diplomatic, sanctions, weapons, no-fly-zone, armed-force.
    assistance: [diplomatic, weapons]
    issues: [guarantors]
    # Each provision cites a clause and the aspects it establishes. Together the provisions must
    # cover guarantors, triggers, scope, decision-rule, obligation and assistance (and
    # consultation when the instrument has one): every step of an explanation cites a clause.
    provisions:
      - id: art-3-1
        draft: valley-accord@v2
        label: Art. 3 para. 1
        summary: Castria guarantees Borvia; on an attack and Borvia's request, it consults Borvia within seven days.
        covers: [guarantors, triggers, consultation]
      - id: art-3-2
        draft: valley-accord@v2
        label: Art. 3 para. 2
        summary: Castria then decides alone what help to give, diplomatic or in weapons.
        covers: [decision-rule, obligation, assistance]
      - id: art-3-3
        draft: valley-accord@v2
        label: Art. 3 para. 3
        summary: The Saline Islands are left out of the guarantee.
        covers: [scope]
    sources: [envoy-briefing]
# Named parts of a state's territory that an instrument's scope can include or exclude.
places:
  - id: saline-coast
    name: Saline coast
    # The state whose territory this is.
    of: borvia
    sources: [envoy-briefing]
  - id: saline-islands
    name: Saline Islands
    of: borvia
    # A place inside another place of the same state.
    partOf: saline-coast
    sources: [envoy-briefing]
# The analyst's judgement of how likely each guarantor is to give each level of help. NOT a fact:
# marked \`assumption: true\` and argued in \`rationale\`.
willingness:
  - id: castria-for-borvia
    guarantors: [castria]
    guaranteedState: borvia
    levels:
      consultation: 0.95
      unsc-request: 0.7
      diplomatic: 0.8
      sanctions: 0.5
      weapons: 0.4
      no-fly-zone: 0.05
      armed-force: 0.05
    assumption: true
    rationale: >-
      An invented judgement: Castria trades with both parties, so it would speak up for Borvia readily but
      arm it only reluctantly, and would not fight Aldria.
# The columns \`parley guarantees\` compares by default: each attacker (an actor id, or third-state)
# against each place (a place id, or core for the territory outside any named place).
comparison:
  attackers: [aldria, third-state]
  places: [core, saline-islands]
`,
  },
  {
    path: 'model.yaml',
    text: `# The analyst's preference model, used by \`parley deals\`. NOTHING IN THIS FILE IS A FACT: every
# number is an assumption and sits beside its \`rationale\`. Each stakeholder scores each issue from
# 0 (worst) to 1 (best); its utility for a package is the weighted mean of the scores; a package is
# a deal when every required signatory values it above its reservation value (its "no deal").
# Docs: docs/deals.md.
status: assumption
summary: >-
  An invented model: Borvia wants a demilitarised zone and a Castrian guarantee, Aldria wants a
  high troop ceiling and a joint commission; the border incident raises Borvia's value of no deal.
# The set issue whose chosen members are the guarantors a package obliges: a guarantor must sign
# any package that names it.
guarantorIssue: guarantors
# The points a number issue is searched on: explicit \`points\`, or from/to/step.
grids:
  troop-ceiling: { from: 500, to: 2000, step: 500 }
# The options considered for each set issue: named subsets of its members.
packages:
  guarantors:
    - id: castria-guarantees
      label: Castria guarantees Borvia
      members: [castria]
      # A package that was really proposed cites where; a hypothetical one has no sources.
      sources: [envoy-briefing]
    - id: no-guarantor
      label: No guarantor
      members: []
stakeholders:
  - actor: aldria
    # party: bargains. guarantor: must sign any package that names it (see guarantorIssue).
    role: party
    summary: 'Aldria: a party. Wants to keep its troops in the valley and to monitor the accord itself.'
    issues:
      demilitarised-zone:
        # Relative importance: utilities divide by the sum of the stakeholder's weights.
        weight: { value: 1, rationale: 'An invented judgement: the zone costs Aldria its forward posts.' }
        # A boolean issue is scored with the option ids yes and no.
        scores: { value: { yes: 0, no: 1 }, rationale: 'Aldria rejected the zone in the first round.' }
      monitoring:
        weight: { value: 1, rationale: 'An invented judgement: who watches matters, but less than troops.' }
        # A choice issue is scored per option id.
        scores:
          value: { joint-commission: 1, league-observers: 0.3 }
          rationale: 'Aldria holds a joint commission as its red line; outside observers are a real cost.'
      troop-ceiling:
        weight: { value: 2, rationale: 'An invented judgement: the troop ceiling is Aldria’s main concern.' }
        # A number issue is scored with a curve of [value, score] points, values increasing.
        curve:
          value: [[500, 0], [2000, 1]]
          rationale: 'The more troops Aldria may keep, the better; linear between the two proposals.'
      guarantors:
        weight: { value: 1, rationale: 'An invented judgement: a Castrian guarantee ties Castria to Borvia.' }
        # A set issue is scored per package id (or with \`members\`, see Borvia below).
        scores:
          value: { castria-guarantees: 0.2, no-guarantor: 1 }
          rationale: 'Aldria would rather Castria stayed out.'
    # The value of no deal over time, each step tied to an event in events.yaml.
    reservation:
      - event: talks-open
        date: 2031-02-10
        value: 0.45
        rationale: 'An invented judgement: a tense stalemate is tolerable for Aldria, but costly.'
  - actor: borvia
    role: party
    summary: 'Borvia: a party. Wants a demilitarised zone, a low troop ceiling and a Castrian guarantee.'
    issues:
      demilitarised-zone:
        weight: { value: 2, rationale: 'An invented judgement: the zone is Borvia’s first demand.' }
        scores: { value: { yes: 1, no: 0 }, rationale: 'Borvia proposed the zone.' }
      monitoring:
        weight: { value: 1, rationale: 'An invented judgement: Borvia trusts outside observers more.' }
        scores:
          value: { joint-commission: 0.5, league-observers: 1 }
          rationale: 'A joint commission is acceptable to Borvia, observers are better.'
      troop-ceiling:
        weight: { value: 1, rationale: 'An invented judgement: fewer Aldrian troops, fewer incidents.' }
        curve:
          value: [[500, 1], [2000, 0]]
          rationale: 'Borvia’s own range scores high; Aldria’s figure scores zero.'
      guarantors:
        weight: { value: 2, rationale: 'An invented judgement: without a guarantor Borvia must trust Aldria.' }
        # Scored by member: each member's contribution; a package scores the clamped sum of its members.
        members: { value: { castria: 1 }, rationale: 'A Castrian guarantee is what Borvia asked for.' }
    reservation:
      - event: talks-open
        date: 2031-02-10
        value: 0.45
        rationale: 'An invented judgement: at the start of talks Borvia has little to lose by waiting.'
      - event: border-incident
        date: 2031-04-25
        value: 0.9
        rationale: 'An invented judgement: after the incident Borvia expects more support by holding out.'
  - actor: castria
    role: guarantor
    summary: 'Castria: a prospective guarantor. Willing if the valley is demilitarised first.'
    issues:
      demilitarised-zone:
        weight: { value: 1, rationale: 'An invented judgement: a zone makes the guarantee less likely to be called.' }
        scores: { value: { yes: 1, no: 0.2 }, rationale: 'A zone lowers Castria’s risk.' }
      guarantors:
        weight: { value: 1, rationale: 'An invented judgement: guaranteeing is a burden Castria would rather not carry.' }
        scores:
          value: { castria-guarantees: 0.5, no-guarantor: 1 }
          rationale: 'A guarantee is a cost to Castria, but not a large one.'
    reservation:
      - event: talks-open
        date: 2031-02-10
        value: 0.5
        rationale: 'An invented judgement: Castria gains from calm in the valley, but not at any price.'
# What-if variants: each replaces named assumptions (stakeholder.issue.weight,
# stakeholder.reservation.event, …) and \`parley deals --scenario <id>\` reruns with them.
scenarios:
  - id: patient-borvia
    title: Borvia shrugs off the border incident
    rationale: 'An invented variant: what if the incident did not harden Borvia’s stance?'
    overrides:
      - assumption: borvia.reservation.border-incident
        value: 0.5
`,
  },
];
