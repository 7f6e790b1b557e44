import StepwiseCore

/// "Writing: [Citizen] Coach  Peer worker": whose words are being typed, switched with w.
enum WriterLine {
    /// The next writer in turn: citizen → coach → peer worker → citizen.
    static func next(after writer: Author) -> Author {
        let all = Author.allCases
        return all[((all.firstIndex(of: writer) ?? 0) + 1) % all.count]
    }

    /// `w`: the open record's next writer, kept for the record while the program runs.
    static func switchWriter(_ open: inout OpenParticipant, state: inout AppState) {
        open.writer = next(after: open.writer)
        state.writers[open.participant.id] = open.writer
    }

    /// Draws the line from `x`; returns the column after it.
    @discardableResult
    static func draw(_ writer: Author, env: UIEnvironment, x start: Int, y: Int, into buffer: inout ScreenBuffer) -> Int {
        let s = env.strings
        var x = start + buffer.put(" " + s("plan.writing") + " ", x: start, y: y, style: .muted)
        for author in Author.allCases {
            let name = s("author.\(author.rawValue)")
            x +=
                author == writer
                ? buffer.put("[" + name + "]", x: x, y: y, style: Style(bold: true, reverse: true))
                : buffer.put(" " + name + " ", x: x, y: y)
        }
        return x
    }
}

extension Form.Purpose {
    /// True for a form whose text is recorded in the words of the writer in effect (a note,
    /// the plan's texts, a session's agreements, a reason for turning a suggestion down): its
    /// box shows the writer line, so that whose words they are is in sight while typing.
    var takesWords: Bool {
        switch self {
        case .note, .about, .addGoal, .editGoal, .addStep, .editStep, .endSession, .rejectSuggestion, .jobAgreement, .application,
            .interview, .followAlongContact:
            return true
        case .addParticipant, .startSession, .rating, .milestone, .outcome, .contact, .offerFilter, .book, .editOffer, .internship,
            .placement, .followUp, .printer, .calendar, .conversation, .applicationStatus, .followAlong, .editJob, .boardFilter,
            .suggestJob, .chooseFollowUp:
            return false
        }
    }
}
