import StepwiseCore

/// The pure update: a key changes the state and may ask for effects.
public enum Update {
    /// Applies `key` to `state`; returns the effects to carry out.
    public static func handle(_ key: Key, state: inout AppState, env: UIEnvironment) -> [Effect] {
        let context = state.context
        let action = ActionTable.action(for: key, in: context)
        if context != .privacy && !Renderer.fits(width: state.width, height: state.height) {
            // Only "the terminal is too small" is on the screen: a key must not act unseen.
            return action == .interrupt || action == .quit ? [.quit] : []
        }
        if action != nil || context == .caseload { state.message = nil }
        // "Leave without saving?" is asked for one key: any other key (help, hiding the screen,
        // typing) goes on writing, and the question goes.
        if state.form?.askedToLeave == true, !(key == .escape && context == .form) {
            state.form?.askedToLeave = false
            state.message = nil
        }
        // Pasted text is only ever text: where nothing takes text, it is left out, never run as keys.
        if case .paste = key, !KeyContext.typing.contains(context) {
            state.message = Message(env.strings("message.pasteIgnored"))
            return []
        }
        switch action {
        case .interrupt?: return [.quit]
        case .redraw?, .suspend?: return []
        case .hide?:
            state.privacy = TextField(maxLength: 20)
            return []
        case .help?:
            state.showingHelp = true
            state.helpScroll = 0
            return []
        default: break
        }
        switch context {
        case .privacy:
            if key == .escape {
                state.privacy = TextField(maxLength: 20)
            } else if action == .unlock {
                if SearchText.fold(state.privacy?.text ?? "") == SearchText.fold(env.strings("privacy.word")) {
                    state.privacy = nil
                } else {
                    state.privacy = TextField(maxLength: 20)
                }
            } else if state.privacy?.handle(key) == false {
                return []
            }
            return []
        case .help:
            if action == .closeHelp { state.showingHelp = false }
            var behind = state
            behind.showingHelp = false
            let last = Overlays.helpLastScroll(behind: behind.context, width: state.width, height: state.height, env: env)
            state.helpScroll = ListCursor(state.helpScroll, count: last + 1, page: Overlays.helpRows(height: state.height)).moved(
                by: action)
            return []
        case .form:
            return form(key, action: action, state: &state, env: env)
        case .searching:
            if action == nil {
                if state.search?.handle(key) == true {
                    state.selection = 0
                    state.scroll = 0
                    state.refreshMatches()
                }
                return []
            }
            return list(action, state: &state, env: env)
        case .caseload:
            return list(action, state: &state, env: env)
        case .auditLog:
            if action == .back { state.open?.auditEntries = nil }
            if let open = state.open, let count = open.auditEntries?.count {
                let rows = ParticipantView.boxRows(height: state.height)
                state.open?.auditScroll = ListCursor(
                    open.auditScroll, count: ScrollWindow.lastFirst(count: count, height: rows) + 1, page: rows
                ).moved(by: action)
            }
            return []
        case .catalogue, .catalogueDetail, .attendance:
            return CatalogueUpdate.handle(action, state: &state, env: env)
        case .board:
            return BoardUpdate.handle(action, state: &state, env: env)
        case .report:
            return ReportUpdate.handle(action, state: &state, env: env)
        case .summary:
            return SummaryTab.handle(action, state: &state, env: env) ?? CoachingUpdate.handle(action, state: &state, env: env)
                ?? participant(action, state: &state, env: env)
        case .notes, .progress, .offers, .offerDetail:
            return PlacementUpdate.handle(action, state: &state, env: env) ?? OfferUpdate.handle(action, state: &state, env: env)
                ?? CoachingUpdate.handle(action, state: &state, env: env)
                ?? participant(action, state: &state, env: env)
        case .jobs:
            return JobsUpdate.handle(action, state: &state, env: env) ?? JobSuggestions.handle(action, state: &state, env: env)
                ?? CoachingUpdate.handle(action, state: &state, env: env)
                ?? participant(action, state: &state, env: env)
        case .plan:
            return PlanUpdate.handle(action, state: &state, env: env) ?? CoachingUpdate.handle(action, state: &state, env: env)
                ?? participant(action, state: &state, env: env)
        case .confirm:
            guard let confirm = state.confirm, action == .yes || action == .no else { return [] }
            state.confirm = nil
            return action == .yes ? PlanUpdate.confirmed(confirm.purpose, state: &state, env: env) : []
        case .history:
            return history(action, state: &state)
        }
    }

    private static func list(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        let count = state.visibleRows.count
        let page = max(1, state.height - 8)
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            state.selection = ListCursor(state.selection, count: count, page: page).moved(by: action)
        case .open?:
            guard let row = state.selectedRow else { return [] }
            return [.openParticipant(id: row.id)]
        case .search?:
            state.search = TextField(maxLength: 100)
            state.selection = 0
        case .cancel?:
            state.search = nil
            state.selection = 0
        case .catalogue?:
            state.catalogue = CatalogueState()
            return [.loadOffers, .loadPlacementCounts]
        case .board?:
            state.board = BoardState()
            return [.loadBoard(then: nil)]
        case .report?:
            return ReportUpdate.open(state: &state)
        case .add?:
            state.form = AddParticipantForm.addParticipant(
                language: env.strings.language, languages: env.languages, today: env.strings.list("date.today").first ?? "today")
        case .quit?: return [.quit]
        default: break
        }
        return []
    }

    private static func participant(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var open = state.open else { return [] }
        let tabs = Tab.allCases
        let page = max(1, state.height - 8)
        switch action {
        case .tabPlan?: open.tab = .plan
        case .tabOffers?: open.tab = .offers
        case .tabNotes?: open.tab = .notes
        case .tabProgress?: open.tab = .progress
        case .tabSummary?: open.tab = .summary
        case .tabJobs?: open.tab = .jobs
        case .nextTab?: open.tab = tabs[(open.tab.rawValue + 1) % tabs.count]
        case .previousTab?: open.tab = tabs[(open.tab.rawValue + tabs.count - 1) % tabs.count]
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            // Scrolling stops at the last line, so that the way back is never dead keys.
            let lines: Int
            switch open.tab {
            case .progress: lines = ProgressView.lines(open, state: state, env: env).count
            case .plan, .offers, .notes, .summary, .jobs: return []
            }
            let last = ScrollWindow.lastFirst(count: lines, height: max(1, state.height - ParticipantView.top - 2))
            open.scroll = ListCursor(open.scroll, count: last + 1, page: page).moved(by: action)
        case .back?:
            // Back on the caseload, everyone is listed again: an old search must not catch the next keys.
            state.search = nil
            return [.closeParticipant]
        case .auditLog?: return [.loadAudit(participant: open.participant.id)]
        default: return []
        }
        let switched = open.tab != state.open?.tab
        if switched { open.scroll = 0 }
        state.open = open
        // The catalogue is shared with other terminals: read afresh where its seats are shown.
        return switched && (open.tab == .offers || open.tab == .summary) ? [.loadOffers] : []
    }

    private static func history(_ action: ActionID?, state: inout AppState) -> [Effect] {
        guard var browser = state.historyBrowser, let count = state.open?.history.count else { return [] }
        switch action {
        case .moveUp? where browser.viewing != nil, .moveDown? where browser.viewing != nil, .moveFirst? where browser.viewing != nil:
            browser.scroll = ListCursor(browser.scroll, count: .max).moved(by: action)
        case .moveUp?, .moveDown?, .moveFirst?,
            .moveLast? where browser.viewing == nil:
            browser.selection = ListCursor(browser.selection, count: count).moved(by: action)
        case .open? where count > 0:
            browser.viewing = browser.selection
            browser.scroll = 0
        case .back?:
            if browser.viewing != nil {
                browser.viewing = nil
            } else {
                state.historyBrowser = nil
                return []
            }
        default: break
        }
        state.historyBrowser = browser
        return []
    }

    private static func form(_ key: Key, action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var form = state.form else { return [] }
        // ↑↓ inside a long text move by row; from its first or last row they move between fields.
        if form.moveCursorVertically(key, layout: FormLayout(form, width: state.width, height: state.height, strings: env.strings)) {
            state.form = form
            return []
        }
        switch action {
        case .nextField?: form.focusNext()
        case .previousField?: form.focusPrevious()
        case .cancel? where form.typed && form.purpose.asksBeforeLeaving && !form.askedToLeave:
            // What was typed is not dropped by one Esc: the first one asks.
            form.askedToLeave = true
            state.message = Message(env.strings("form.leaveUnsaved"), kind: .error)
        case .cancel?:
            state.form = nil
            state.message = Message(env.strings("form.cancelled"))
            return []
        case .submit? where form.purpose.changesRecord && state.open?.isReadOnly == true:
            // A record open elsewhere: the form stays as typed until the record is free.
            state.message = Message(env.strings("form.readOnlyKept"), kind: .error)
        case .submit?:
            state.form = nil
            form.clearMarks()
            // Words changed meanwhile elsewhere are shown first; the next Enter replaces them.
            let changed = EditedText.changedMeanwhile(&form, in: state.open?.participant, strings: env.strings)
            let effects = changed ? [] : submit(&form, state: &state, env: env)
            guard form.focusFirstError() else { return effects }
        default:
            if !form.edit(key), case .paste = key { state.message = Message(env.strings("message.pasteIgnored")) }
        }
        state.form = form
        return []
    }

    /// Submits `form` to the code of its purpose: one case per purpose, so that a new form
    /// does not compile until it is routed. Bad fields are marked in `form`; the state has no
    /// form while this runs, so that a saved change is made with the form closed.
    private static func submit(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        switch form.purpose {
        case .addParticipant:
            return AddParticipantForm.submit(&form, today: state.today, env: env)
        case .offerFilter:
            return OfferForms.submitFilter(&form, state: &state, env: env)
        case .book(let offer):
            return OfferForms.submitBooking(form, offer: offer, state: state)
        case .editOffer(let id):
            return CatalogueForms.submit(&form, id: id, state: state, env: env)
        case .editJob(let id):
            return BoardForms.submit(&form, id: id, state: state, env: env)
        case .boardFilter:
            return BoardForms.submitFilter(form, state: &state)
        case .suggestJob:
            return JobSuggestions.submit(form, state: &state, env: env)
        case .internship:
            return InternshipForms.submit(&form, state: state, env: env)
        case .placement, .followUp, .chooseFollowUp:
            return PlacementForms.submit(&form, state: &state, env: env)
        case .printer:
            return SummaryTab.submitPrinter(form, state: &state, env: env)
        case .calendar:
            return SummaryTab.submitFile(form, state: &state, env: env)
        case .about, .addGoal, .editGoal, .addStep, .editStep, .conversation:
            return PlanForms.submit(&form, today: state.today, env: env).map { PlanUpdate.commit(&state, env: env, $0) } ?? []
        case .rejectSuggestion(let goal, let step):
            return RejectForm.submit(&form, goal: goal, step: step, today: state.today, env: env).map { PlanUpdate.commit(&state, env: env, $0) }
                ?? []
        case .outcome:
            return OutcomeFollowAlong.submit(&form, state: &state, env: env)
        case .startSession, .endSession, .note, .rating, .milestone, .contact:
            return CoachingForms.submit(&form, state: state, env: env).map { PlanUpdate.commit(&state, env: env, $0) } ?? []
        case .jobAgreement, .application, .applicationStatus, .interview, .followAlong, .followAlongContact:
            return JobsForms.submit(&form, today: state.today, env: env).map { JobsUpdate.commit(&state, env: env, $0) } ?? []
        }
    }
}
