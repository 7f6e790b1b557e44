import Foundation
import StepwiseCore

extension Update {
    /// Folds what an effect gave back into the state; returns further effects (e.g. saving the
    /// plan step a booking is linked to). The words of every message are made here, in the
    /// screen's language.
    public static func apply(_ result: EffectResult, state: inout AppState, env: UIEnvironment) -> [Effect] {
        let s = env.strings
        switch result {
        case .caseloadLoaded(let rows, let select):
            showCaseload(rows, select: select, state: &state)
            if state.message?.text == s("caseload.stillReading") { state.message = nil }
        case .caseloadStillReading:
            state.message = Message(s("caseload.stillReading"))
        case .caseloadBegun(let first):
            showCaseload(Caseload(first.rows), select: nil, state: &state)
            state.firstRowsOf = first.size
        case .participantAdded(let name, let id, let move):
            state.search = nil
            CaseloadUpdate.show(move, state: &state)
            state.selection = state.visibleRows.firstIndex(ofID: id) ?? state.selection
            state.message = Message(s("message.added", ["name": name]))
        case .opened(let participant, let history, let heldBy, let lockFailure, let offers):
            if let offers { state.offers = offers }
            var open = OpenParticipant(participant: participant, heldBy: heldBy)
            open.lockFailure = lockFailure
            open.history = history
            open.writer = state.writers[participant.id] ?? .citizen
            open.readAt = state.now
            state.open = open
        case .recordCompleted(let participant):
            if state.open?.participant.id == participant.id { state.open?.participant = participant }
        case .closed(let rows, let select):
            state.open = nil
            showCaseload(rows, select: select, state: &state)
        case .closedMoving(let move):
            state.open = nil
            CaseloadUpdate.show(move, state: &state)
        case .closedToFirstRows(let first, let select):
            state.open = nil
            showCaseload(Caseload(first.rows), select: select, state: &state)
            state.firstRowsOf = first.size
        case .offersLoaded(let offers):
            state.offers = offers
        case .catalogueReading:
            state.catalogueReading = true
        case .catalogueLoaded(let offers):
            state.catalogueReading = false
            // Word that it was still being read no longer holds.
            if state.message?.text == s("offers.stillReading") { state.message = nil }
            if offers != state.offers { state.offers = offers }
        case .historyLoaded(let versions, let complete):
            state.open?.history = versions
            state.open?.historyComplete = complete
        case .placementCountsLoaded(let counts):
            state.catalogue?.placementCounts = counts
        case .boardLoaded, .jobSaved:
            return BoardUpdate.apply(result, state: &state, env: env)
        case .auditLoaded(let entries):
            state.open?.auditEntries = entries
            state.open?.auditScroll = 0
        case .reportMade(let report):
            ReportUpdate.made(report, state: &state)
        case .bookingChanged(let change, let offers, let linking):
            state.message = Message(OfferMessages.describe(change, env: env))
            state.offers = offers
            if case .step(let goal, let step)? = linking { return link(step, in: goal, to: change.offer.id, state: &state, env: env) }
        case .offerAdded(let title):
            state.message = Message(s("catalogue.added", ["title": title]))
        case .offerFieldsKept(let title, let fields):
            let labels = fields.map { s(CatalogueForms.label(of: $0)) }.joined(separator: ", ")
            state.message = Message(s("catalogue.fieldsKept", ["title": title, "fields": labels]), kind: .error)
        case .bookingRefused(let failure, let offers):
            state.message = Message(OfferMessages.describe(failure, env: env), kind: .error)
            state.offers = offers
        case .participantSaved(let id, let journal, let version):
            guard state.open?.participant.id == id else { break }
            state.open?.participant.journal = journal
            if let version { state.open?.history.append(version) }
            // A change (a conversation recorded as held on an earlier day) may move the
            // baseline of the change marks before the versions read at opening.
            if let open = state.open, !open.historyComplete, let oldest = open.history.first,
                !PlanChanges.reaches(oldest, for: open.participant, timeZone: env.timeZone)
            {
                return [.loadHistory(participant: open.participant.id)]
            }
        case .printed(let printer, let pages, let standIns):
            state.message = Message(
                SummaryTab.done(
                    s("print.sent", count: pages, ["printer": printer ?? s("print.defaultPrinter"), "pages": String(pages)]),
                    standIns: standIns, env: env))
        case .pdfSaved(let path, let standIns):
            state.message = Message(SummaryTab.done(s("pdf.saved", ["path": path]), standIns: standIns, env: env))
        case .printersFound(let printers):
            state.form = SummaryTab.printerForm(printers)
        case .calendarSaved(let events, let path):
            state.message = Message(s("calendar.saved", count: events, ["path": path]))
        case .draftRestored(var form, let writer):
            form.restored()
            state.form = form
            if let tab = form.purpose.tab, state.open != nil { state.open?.tab = tab }
            if let writer, let id = state.open?.participant.id {
                state.open?.writer = writer
                state.writers[id] = writer
            }
            state.message = Message(s(state.open?.isReadOnly == true ? "message.draftRestoredReadOnly" : "message.draftRestored"))
            // A tab that lists the catalogue reads it as when it is switched to.
            if let tab = state.open?.tab, tab == .offers || tab == .summary { return [.loadOffers] }
            // A form of the catalogue or the job board comes back over its own screen.
            switch form.purpose {
            case .editOffer, .internship:
                state.catalogue = CatalogueState()
                return [.loadOffers, .loadPlacementCounts]
            case .editJob:
                state.board = BoardState()
                return [.loadBoard(then: nil)]
            default:
                break
            }
        case .reread(let participant, let history):
            state.open?.participant = participant
            state.open?.history = history
            state.open?.historyComplete = true
            state.open?.readAt = state.now
        case .lockTaken(let participant, let history):
            guard let open = state.open, open.participant.id == participant.id else { return [] }
            let coach = open.heldBy?.identity.coach
            state.open?.participant = participant
            state.open?.history = history
            state.open?.historyComplete = true
            state.open?.readAt = state.now
            state.open?.heldBy = nil
            state.open?.lockFailure = nil
            state.message = Message(coach.map { s("participant.lockTakenFrom", ["coach": $0]) } ?? s("participant.lockTaken"))
        case .journalRead(let id, let journal):
            if state.open?.participant.id == id { state.open?.participant.journal = journal }
        case .quit:
            state.quitting = true
        case .failed(let failure):
            state.message = Message(describe(failure, env: env), kind: .error)
        case .waitingForLock(let holder):
            state.message = Message(
                holder.map { s("lock.waiting", ["coach": $0.coach, "host": $0.host]) } ?? s("lock.waitingUnknown"), kind: .error)
        case .savedAfterWait:
            state.message = Message(s("lock.savedAfterWait"))
        case .stepNotLinked(let name, let offer, let why):
            state.message = Message(why.text(name: name, offer: offer, strings: s), kind: .error)
        }
        return []
    }

    /// Derived state, made after a key and its effects: the summary pages when the summary
    /// tab is shown, the lines of the tab shown or the catalogue's list (`ParticipantMemo`),
    /// and the caseload rows the search text matches.
    public static func settle(_ state: inout AppState, env: UIEnvironment) {
        SummaryTab.refresh(&state, env: env)
        ParticipantMemo.refresh(&state, env: env)
        state.refreshMatches()
    }

    /// Sets the moment of the key being handled and the day it falls on in the screen's zone.
    public static func tick(_ now: Date, state: inout AppState, env: UIEnvironment) {
        state.now = now
        state.today = Day(now, timeZone: env.timeZone)
    }

    /// Takes a new terminal size.
    public static func resize(width: Int, height: Int, state: inout AppState) {
        state.width = width
        state.height = height
    }

    /// Shows the caseload rows, keeping the selection on `select` (else on the row selected
    /// before, else as near as the list allows).
    private static func showCaseload(_ rows: Caseload, select id: String?, state: inout AppState) {
        let previous = id ?? state.selectedRow?.id
        state.caseload = rows
        state.refreshMatches()
        if let previous, let index = state.visibleRows.firstIndex(ofID: previous) {
            state.selection = index
        } else {
            state.selection = min(state.selection, max(0, state.visibleRows.count - 1))
        }
    }

    /// Links a plan step to the offer just booked (a saved change of the plan).
    private static func link(_ stepID: String, in goalID: String, to offer: String, state: inout AppState, env: UIEnvironment) -> [Effect] {
        PlanUpdate.commit(&state, env: env, as: .operating) { participant, editor in
            editor.linkStep(stepID, in: goalID, to: offer, in: &participant.plan)
        }
    }

    /// A failed effect in the screen's words.
    private static func describe(_ failure: EffectResult.Failure, env: UIEnvironment) -> String {
        let s = env.strings
        switch failure {
        case .save(let reason): return s("message.saveFailed", ["reason": reason])
        case .open(let reason): return s("message.cannotOpen", ["reason": reason])
        case .audit(let reason): return s("message.auditFailed", ["reason": reason])
        case .calendar(let reason): return s("calendar.failed", ["reason": reason])
        case .pdf(let reason): return s("pdf.failed", ["reason": reason])
        case .print(let failure): return failure.text(s)
        case .erased: return s("message.erasedMeanwhile")
        }
    }
}
