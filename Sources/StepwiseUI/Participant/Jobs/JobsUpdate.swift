import StepwiseCore

/// The keys of the jobs tab: moving between its rows, opening its forms, and the citizen's
/// approval of the agreement.
enum JobsUpdate {
    /// Handles `action` on the jobs tab; nil when it is not the tab's own.
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open else { return nil }
        let p = open.participant
        let s = env.strings
        let rows = JobsView.layout(open, state: state, env: env).rows
        let row = rows.indices.contains(open.jobsSelection) ? rows[open.jobsSelection] : nil
        let changing: Set<ActionID> = [.approve, .edit, .addApplication, .moveStatus, .addInterview, .followAlong, .followContact]
        if let action, changing.contains(action), open.isReadOnly {
            state.message = Message(s("participant.readOnlyShort"), kind: .error)
            return []
        }
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            open.jobsSelection = ListCursor(open.jobsSelection, count: rows.count, page: max(1, state.height - 9)).moved(by: action)
            state.open = open
        case .switchWriter?:
            WriterLine.switchWriter(&open, state: &state)
            state.open = open
        case .approve?:
            // The citizen's own approval, in their name, of the agreement as it stands.
            return commit(&state, env: env, as: .citizen) { p, editor in
                guard let agreement = p.jobSearch.agreement, !agreement.isApproved else { return nil }
                p.approveJobSearchAgreement(on: editor.today, stamp: Stamp(by: p.name, at: editor.now))
                return PlanChange(.jobSearch, agreement.titles, detail: "approve")
            }
        case .edit?:
            switch row {
            case .agreement?, nil: state.form = JobsForms.agreement(p.jobSearch.agreement)
            case .followAlong?: state.form = JobsForms.followAlong(p, today: state.today, strings: s)
            case .application(let id)?:
                state.form = JobsForms.application(p.jobSearch.application(id), participant: p, today: state.today, strings: s)
            case .interview(let id, let interview)?:
                let found = p.jobSearch.application(id)?.interviews.first { $0.id == interview }
                state.form = JobsForms.interview(found, of: id, today: state.today, strings: s)
            }
        case .addApplication?:
            state.form = JobsForms.application(nil, participant: p, today: state.today, strings: s)
        case .moveStatus?, .addInterview?:
            guard let id = row?.application, let application = p.jobSearch.application(id) else {
                state.message = Message(s("jobs.selectApplication"))
                return []
            }
            if action == .addInterview {
                state.form = JobsForms.interview(nil, of: id, today: state.today, strings: s)
            } else if application.status.next.isEmpty {
                state.message = Message(s("jobs.statusFinal", ["status": s("jobs.status.\(application.status.rawValue)")]))
            } else {
                state.form = JobsForms.status(application, today: state.today, strings: s)
            }
        case .followAlong?:
            state.form = JobsForms.followAlong(p, today: state.today, strings: s)
        case .followContact?:
            guard let support = p.followAlong else {
                state.message = Message(s("follow.notStarted"))
                return []
            }
            state.form = JobsForms.followContact(support, today: state.today, strings: s)
        default:
            return nil
        }
        return []
    }

    /// Saves a change to the job search or follow-along support like a change to the plan
    /// (`PlanUpdate.commit`: the writer recorded, the record saved), and names it in the audit log.
    static func commit(_ state: inout AppState, env: UIEnvironment, as act: PlanUpdate.Act = .words, _ edit: PlanForms.Edit) -> [Effect] {
        var made: PlanChange?
        let effects = PlanUpdate.commit(&state, env: env, as: act) { p, editor in
            made = edit(&p, editor)
            return made
        }
        guard let change = made, !effects.isEmpty, let id = state.open?.participant.id else { return effects }
        return effects + [.audit(auditAction(change), participant: id)]
    }

    /// The audit log's name for a saved job-search change (never its words).
    static func auditAction(_ change: PlanChange) -> AuditAction {
        switch change.detail {
        case "approve": return .jobAgreementApproved
        case "agreement", "agreementChanged": return .jobAgreement
        case "application", "applicationChanged": return .application
        case "interview", "interviewRecorded": return .interview
        case "followAlong", "followAlongChanged": return .followAlong
        case "followAlongContact": return .followAlongContact
        default: return .applicationStatus
        }
    }
}
