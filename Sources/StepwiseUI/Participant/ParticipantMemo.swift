import StepwiseCore

/// What the lines of a participant tab depend on besides the tab's own choices: the record's
/// revision (participant and history), the offers' revision, the day, the width the lines are
/// wrapped to, and the screen's language (with the string tables read so far, since a
/// citizen's own language is read when first needed).
struct ViewInputs: Equatable, Sendable {
    var record: Int
    var offers: Int
    var today: Day
    var width: Int
    var language: String
    var tables: Int

    /// The inputs of `open` as the screen shows it now (lines are wrapped to the width less
    /// the two edge columns).
    init(_ open: OpenParticipant, state: AppState, env: UIEnvironment) {
        record = open.revision
        offers = state.offersRevision
        today = state.today
        width = state.width - 2
        language = env.strings.language
        tables = env.tables.count
    }
}

/// The participant tabs' lines as last laid out, each kept with the inputs it was made from
/// (`Memo`): a key that only moves the cursor or scrolls costs the same for a record of 10
/// goals or notes and of 10,000. Made after each key (`refresh`, from `Update.settle`) for the
/// tab shown; a view or an update that finds nothing kept for the current inputs (a state
/// made in a test, the first frame after a resize) lays the lines out itself, so stale lines
/// are never shown.
struct ParticipantMemo: Equatable, Sendable {
    var plan = Memo<ViewInputs, PlanTabView.Layout>()
    var notes = Memo<NotesView.Inputs, NotesView.Layout>()
    var progress = Memo<ViewInputs, [StyledLine]>()
    var jobs = Memo<ViewInputs, SelectableLines<JobsRow>>()
    var news = Memo<ViewInputs, [StyledLine]>()
    var history = Memo<HistoryView.Inputs, HistoryView.Content>()

    /// Lays out what the shown tab needs for the state as it is now, unless kept already:
    /// the open participant's tab, or the catalogue's list.
    static func refresh(_ state: inout AppState, env: UIEnvironment) {
        guard var open = state.open else {
            if let catalogue = state.catalogue { state.keepListed(catalogue.filter, env: env) }
            return
        }
        let inputs = ViewInputs(open, state: state, env: env)
        if let browser = state.historyBrowser { HistoryView.keep(browser, open: &open, state: state, env: env) }
        switch open.tab {
        case .plan:
            _ = PlanTabView.Layout.kept(&open, state: state, env: env)
        case .notes:
            open.memo.notes.keep(NotesView.layout(open, state: state, env: env, laying: true), for: NotesView.Inputs(open, state: state, env: env))
        case .progress where open.memo.progress.value(for: inputs) == nil:
            open.memo.progress.keep(ProgressView.lines(open.participant, env: env, width: inputs.width), for: inputs)
        case .jobs where open.memo.jobs.value(for: inputs) == nil:
            open.memo.jobs.keep(JobsView.layout(open, state: state, env: env), for: inputs)
        case .offers:
            state.keepListed(open.offerFilter, env: env)
            if open.memo.news.value(for: inputs) == nil {
                open.memo.news.keep(OfferMessages.news(open.participant, today: state.today, env: env), for: inputs)
            }
        case .progress, .jobs, .summary:
            break
        }
        state.open = open
    }
}

/// The lines of a tab whose entries keys select (the plan's goals and steps, the jobs tab's
/// applications), with the entries in screen order and the lines each one takes: an entry
/// wrapped over several lines is one entry, selected and highlighted as a whole.
struct SelectableLines<Row: Equatable & Sendable>: Sendable {
    let lines: [StyledLine]
    /// The entries in screen order, one per entry however many lines it wraps to.
    let rows: [Row]
    /// The lines (indices into `lines`) of each entry of `rows`.
    let spans: [ClosedRange<Int>]

    /// From lines each tagged with the entry it belongs to (nil for headings and other lines
    /// no key selects); lines of one entry with no other entry between make one entry.
    init(_ tagged: [(line: StyledLine, row: Row?)]) {
        lines = tagged.map(\.line)
        var rows: [Row] = []
        var spans: [ClosedRange<Int>] = []
        for (index, entry) in tagged.enumerated() {
            guard let row = entry.row else { continue }
            if let last = spans.last, rows.last == row {
                spans[spans.count - 1] = last.lowerBound...index
            } else {
                rows.append(row)
                spans.append(index...index)
            }
        }
        self.rows = rows
        self.spans = spans
    }

    /// The lines of the entry at `selection`, if there is one.
    func span(at selection: Int) -> ClosedRange<Int>? { spans.indices.contains(selection) ? spans[selection] : nil }
}
