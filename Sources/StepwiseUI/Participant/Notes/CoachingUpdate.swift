import StepwiseCore

/// Sessions, notes, ratings, milestones, the outcome and contacts: the keys that open their
/// forms, and moving through the notes tab.
enum CoachingUpdate {
    /// Handles `action` if it is one of these; nil otherwise.
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open else { return nil }
        let p = open.participant
        let s = env.strings
        let editing: Set<ActionID> = [.session, .rate, .newNote, .addMilestone, .outcome, .addContact]
        if let action, editing.contains(action) || (action == .edit && open.tab == .notes), open.isReadOnly {
            state.message = Message(s("participant.readOnlyShort"), kind: .error)
            return []
        }
        let notes = NotesView.layout(open, state: state, env: env, laying: false).visible
        /// The note selected; nil, and a word of why, when none is (no notes, or a session).
        func selected() -> ProgressNote? {
            guard notes.indices.contains(open.noteSelection) else {
                state.message = Message(s(notes.isEmpty ? "message.noNotes" : "message.selectANote"))
                return nil
            }
            return notes[open.noteSelection]
        }
        switch action {
        case .session?:
            guard p.openSession != nil else {
                state.form = CoachingForms.startSession(p, today: state.today)
                return []
            }
            state.form = CoachingForms.endSession(strings: s)
            // The next appointment is checked against the citizen's offers: all of them, not only
            // those the plan links to (the catalogue is read on another thread meanwhile).
            return [.loadOffers]
        case .rate?:
            state.form = CoachingForms.rating(env.indicators, previous: p.ratings.last, language: s.language)
        case .newNote?:
            state.form = CoachingForms.note(nil, writer: open.writer, strings: s)
        case .addMilestone?:
            state.form = CoachingForms.milestone(today: state.today, strings: s)
        case .outcome?:
            state.form = CoachingForms.outcome(p.outcome, today: state.today, strings: s)
        case .addContact?:
            state.form = CoachingForms.contact(nil, strings: s)
        case .edit? where open.tab == .notes:
            guard let note = selected() else { return [] }
            state.form = CoachingForms.note(note, writer: open.writer, strings: s)
        case .moveUp? where open.tab == .notes, .moveDown? where open.tab == .notes,
            .moveFirst? where open.tab == .notes, .moveLast? where open.tab == .notes:
            // ↑ ↓ move through the notes the filter lets through, then the sessions.
            open.noteSelection = ListCursor(open.noteSelection, count: notes.count + p.sessions.count).moved(by: action)
        case .filter?:
            let next = NotesView.nextFilter(after: open.noteFilter, in: p, env: env)
            // No tag and no session with notes: the key says why it changes nothing.
            if next == open.noteFilter { state.message = Message(s("message.nothingToFilter")) }
            open.noteFilter = next
            open.noteSelection = 0
        case .switchWriter?:
            WriterLine.switchWriter(&open, state: &state)
        case .versions?:
            guard let note = selected() else { return [] }
            guard note.versions.count > 1 else {
                state.message = Message(s("message.oneVersion"))
                return []
            }
            open.expandedNote = open.expandedNote == note.id ? nil : note.id
        default:
            return nil
        }
        state.open = open
        return []
    }
}
