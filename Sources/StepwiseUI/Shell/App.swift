import Foundation
import StepwiseCore

/// The running program without the terminal: the state, the store, and the effects that
/// connect them. The terminal driver feeds it keys and sizes and draws what it renders.
public final class App {
    public private(set) var state: AppState
    public private(set) var env: UIEnvironment
    private let store: DataStore
    private let identity: Identity
    private var lock: RecordLock?
    private var summaryKey: SummaryKey?

    public init(store: DataStore, identity: Identity, env: UIEnvironment, today: Day, width: Int, height: Int) {
        self.store = store
        self.identity = identity
        self.env = env
        state = AppState(width: width, height: height, today: today, coach: identity.coach)
        reloadCaseload(select: nil)
        restoreDraft()
    }

    /// A form left open when the program was last cut off comes back as it was.
    private func restoreDraft() {
        guard let data = store.takeDraft(for: identity) else { return }
        guard let draft = try? JSONDecoder().decode(Draft.self, from: data) else { return }
        if let id = draft.participantId { open(id) }
        state.form = draft.form
        state.message = Message(env.strings("message.draftRestored"))
    }

    /// Handles one key press and carries out what it asks for.
    public func handle(_ key: Key) {
        state.now = Date()
        state.today = Day(state.now)
        for effect in Update.handle(key, state: &state, env: env) { perform(effect) }
        refreshSummary()
    }

    /// Makes the summary pages when the summary tab is shown and the record or the
    /// catalogue has changed since they were made.
    private func refreshSummary() {
        guard let open = state.open, open.tab == .summary else { return }
        let key = SummaryKey(participant: open.participant, offers: state.offers, today: state.today)
        guard key != summaryKey || open.summaryPages == nil else { return }
        summaryKey = key
        let pages = SummaryTab.pages(open, state: state, env: env)
        state.open?.summaryPages = pages
    }

    /// Takes a new terminal size.
    public func resize(width: Int, height: Int) {
        state.width = width
        state.height = height
    }

    /// The current screen.
    public func render() -> ScreenBuffer { Renderer.render(state, env: env) }

    /// Keeps an open form as a draft and gives back the edit lock; called on every way out.
    public func shutdown() {
        if let form = state.form, let data = try? RecordCodec.encode(Draft(form: form, participantId: state.open?.participant.id)) {
            try? store.saveDraft(data, for: identity)
        }
        releaseLock()
    }

    private func releaseLock() {
        lock?.release()
        lock = nil
    }

    /// Notes in the audit log who did what to which record (never what it says).
    private func audit(_ action: AuditAction, _ participant: String?) {
        do {
            try AuditLog(store: store).record(action, participant: participant, by: identity)
        } catch {
            state.message = Message(env.strings("message.auditFailed", ["reason": "\(error)"]), kind: .error)
        }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case let .addParticipant(name, start, language):
            let participant = Participant(id: RecordID.generate(prefix: "p"), name: name, language: language,
                                          courseStart: start, by: Stamp(by: identity.coach, at: Date()))
            do {
                try store.save(participant)
                audit(.changed, participant.id)
                state.search = nil
                reloadCaseload(select: participant.id)
                state.message = Message(env.strings("message.added", ["name": name]))
            } catch {
                state.message = Message(env.strings("message.saveFailed", ["reason": "\(error)"]), kind: .error)
            }
        case let .openParticipant(id):
            open(id)
        case .closeParticipant:
            let id = state.open?.participant.id
            releaseLock()
            state.open = nil
            reloadCaseload(select: id)
        case .quit:
            shutdown()
            state.quitting = true
        case let .book(offer, step):
            book(offer, step: step)
        case let .unbook(offer):
            let participant = state.open?.participant.id ?? ""
            if bookings({ try $0.unbook(participant, from: offer) }) { audit(.unbooked, participant) }
        case let .print(printer):
            printSummary(on: printer)
        case .choosePrinter:
            let printers = Printer.available()
            if printers.isEmpty {
                let failure: Printer.Failure = Printer.isSchedulerRunning() == false ? .notRunning : .noPrinter
                state.message = Message(failure.text(env.strings), kind: .error)
            } else {
                state.form = SummaryTab.printerForm(printers)
            }
        case let .saveCalendar(path):
            saveCalendar(to: path)
        case .loadAudit:
            guard let id = state.open?.participant.id else { return }
            state.open?.auditEntries = AuditLog(store: store).entries(for: id)
        case .loadOffers:
            state.offers = store.loadOffers().offers
        case let .saveOffer(offer, isNew):
            let saved = bookings { booking in
                try booking.change(offer: offer.id) { current, now in
                    guard let current, !isNew else { return Booking.Change(offer: offer, outcome: .updated(promoted: []), events: []) }
                    return try Booking.update(current, with: offer, at: now)
                }
            }
            if saved && isNew { state.message = Message(env.strings("catalogue.added", ["title": offer.title])) }
        case let .cancelOffer(id):
            bookings { try $0.cancel(offer: id) }
        case let .markAttendance(offer, session, marks):
            bookings { booking in
                try booking.change(offer: offer) { current, _ in
                    guard var changed = current else { throw BookingStore.Failure.unknownOffer(offer) }
                    for (participant, status) in marks { changed.mark(participant, at: session, as: status) }
                    return Booking.Change(offer: changed, outcome: .updated(promoted: []), events: [])
                }
            }
        case let .saveParticipant(participant, version):
            do {
                // Journal entries written meanwhile by bookings elsewhere are kept.
                let saved = try ParticipantJournal.save(participant, in: store, as: identity)
                state.open?.participant.journal = saved.journal
                audit(.changed, participant.id)
                if let version {
                    try store.appendHistory(version, participant: participant.id)
                    state.open?.history.append(version)
                }
            } catch {
                state.message = Message(env.strings("message.saveFailed", ["reason": "\(error)"]), kind: .error)
            }
        }
    }

    /// Books the open participant, then links the chosen step to the offer.
    private func book(_ offer: String, step: PlanRow?) {
        guard let participant = state.open?.participant.id else { return }
        guard bookings({ try $0.book(participant, into: offer) }) else { return }
        audit(.booked, participant)
        if case let .step(goal, stepID)? = step {
            let effects = PlanUpdate.commit(&state, env: env) { p, _ in
                guard let g = p.plan.goals.firstIndex(where: { $0.id == goal }),
                      let s = p.plan.goals[g].steps.firstIndex(where: { $0.id == stepID }) else { return nil }
                p.plan.goals[g].steps[s].offerId = offer
                return PlanChange(.editStep, p.plan.goals[g].steps[s].text.text)
            }
            effects.forEach(perform)
        }
    }

    /// Runs a booking change under the offer's lock, says what happened, and reloads the
    /// catalogue. Returns true when it went through.
    @discardableResult
    private func bookings(_ change: (BookingStore) throws -> BookingStore.Result) -> Bool {
        let booking = BookingStore(store: store, identity: identity)
        do {
            let result = try change(booking)
            state.message = Message(OfferMessages.describe(result.change, env: env))
            state.offers = store.loadOffers().offers
            return true
        } catch let failure as BookingStore.Failure {
            state.message = Message(OfferMessages.describe(failure, env: env), kind: .error)
        } catch {
            state.message = Message("\(error)", kind: .error)
        }
        state.offers = store.loadOffers().offers
        return false
    }

    private func printSummary(on printer: String?) {
        guard let participant = state.open?.participant else { return }
        let summary = SummaryTab.summary(participant, state: state, env: env)
        do {
            let job = try Printer.print(text: summary.printable(pageWidth: SummaryTab.pageWidth, pageHeight: SummaryTab.pageHeight),
                                        printer: printer)
            audit(.printed, participant.id)
            state.message = Message(env.strings("print.sent", ["printer": job.printer ?? env.strings("print.defaultPrinter"),
                                                                "pages": String(summary.pages().count)]))
        } catch let failure as Printer.Failure {
            state.message = Message(failure.text(env.strings), kind: .error)
        } catch {
            state.message = Message("\(error)", kind: .error)
        }
    }

    private func saveCalendar(to path: String) {
        guard let participant = state.open?.participant else { return }
        let export = CalendarExport(participant: participant, offers: state.offers, strings: env.table(for: participant.language),
                                    now: Date(), today: state.today)
        let expanded = path.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst() : path
        do {
            try AtomicFile.write(Data(export.ics().utf8), to: URL(fileURLWithPath: expanded))
            audit(.calendar, participant.id)
            state.message = Message(env.strings("calendar.saved", ["n": String(export.events.count), "path": expanded]))
        } catch {
            state.message = Message(env.strings("calendar.failed", ["reason": "\(error)"]), kind: .error)
        }
    }

    private func open(_ id: String) {
        do {
            let participant = try store.loadParticipant(id)
            var heldBy: RecordLock.Holder?
            switch try store.lockParticipant(id, as: identity) {
            case let .acquired(lock): self.lock = lock
            case let .heldBy(holder): heldBy = holder
            }
            // The offers are read when a tab that shows them is opened (and once here, for the
            // plan's links to offers), not every time a record is opened.
            if state.offers.isEmpty { state.offers = store.loadOffers().offers }
            if env.tables[participant.language] == nil, let resources = env.resources,
               let table = try? Localizer.load(language: participant.language, resources: resources) {
                env.tables[participant.language] = table
            }
            state.open = OpenParticipant(participant: participant, heldBy: heldBy)
            state.open?.history = store.loadHistory(participant: id)
            audit(.opened, id)
        } catch {
            state.message = Message(env.strings("message.cannotOpen", ["reason": "\(error)"]), kind: .error)
        }
    }

    private func reloadCaseload(select id: String?) {
        let previous = id ?? state.selectedRow?.id
        state.caseload = store.loadCaseload()
        if let previous, let index = state.visibleRows.firstIndex(where: { $0.id == previous }) {
            state.selection = index
        } else {
            state.selection = min(state.selection, max(0, state.visibleRows.count - 1))
        }
    }
}

/// A form being filled in when the program was cut off.
struct Draft: Codable {
    var form: Form
    var participantId: String?
}

/// What the summary pages were made from.
private struct SummaryKey: Equatable {
    var participant: Participant
    var offers: [Offer]
    var today: Day
}
