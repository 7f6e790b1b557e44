import Foundation
import StepwiseCore
import StepwiseUI

/// The running program without the terminal: the state, the store, and the shell that carries
/// out effects. A key goes to `Update.handle`; each effect it asks for is carried out here and
/// what it gave back goes to `Update.apply`, so `Update` is the only writer of the state. The
/// terminal driver feeds keys and sizes and draws what `render` gives.
public final class App {
    public private(set) var state: AppState
    /// Strings and ambient inputs; the shell adds a citizen's language when it is first needed.
    public private(set) var env: UIEnvironment
    let store: DataStore
    let identity: Identity
    let clock: @Sendable () -> Date
    private var lock: RecordLock?
    /// What is known of the caseload shown, and its check (see `App+Caseload.swift`).
    var shown = ShownCaseload()
    /// Saves that found a short lock held elsewhere, made again by `retryPending` until the
    /// lock is free; its `lockWait` is how long every short lock is waited for.
    let pending: PendingSaves
    /// The stamp of the open record's file when it was last read, to see a change made by
    /// another terminal (see `Update.idle`).
    private var openStamp: RecordStamp?
    /// The notes and ratings of the record opened last, still to be read: the first frame of
    /// a record shows neither (see `completeRecord`).
    private var rest: ParticipantJournal.Rest?
    /// The report being made for the report screen (see `startReport`).
    var reportJob: ReportJob?
    /// The offer catalogue as last read, kept while `offers/` keeps its stamp.
    let catalogue: OfferCatalogue
    /// The catalogue's placement counts, counted on another thread.
    let placementTally: PlacementTally
    /// The form being typed, kept at each pause (see `TypingDraft`).
    let typing: TypingDraft

    /// - Parameter clock: the current moment, read at start and at each key; `Date()` in the
    ///   program, a fixed or stepping clock in tests. The day is the clock's day in `env.timeZone`.
    public init(
        store: DataStore, identity: Identity, env: UIEnvironment, width: Int, height: Int,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.identity = identity
        self.env = env
        self.clock = clock
        pending = PendingSaves(store: store)
        catalogue = OfferCatalogue(store: store)
        placementTally = PlacementTally(store: store)
        typing = TypingDraft(store: store, identity: identity)
        let now = clock()
        state = AppState(width: width, height: height, today: Day(now, timeZone: env.timeZone), coach: identity.coach)
        Update.tick(now, state: &state, env: env)
        PlacementMigration.run(store, as: identity)
        showFirstCaseload()
        restoreDraft()
    }

    /// Reads the summary's fonts (two TrueType files) unless read already: after the first
    /// frame, or for the first record opened, never before the first frame.
    func loadFonts() {
        if env.fonts == nil { env.fonts = try? SummaryFonts.load() }
    }

    /// A form left open when the program was last cut off comes back as it was.
    private func restoreDraft() {
        guard let data = store.takeDraft(for: identity) else { return }
        guard let draft = try? JSONDecoder().decode(Draft.self, from: data) else { return }
        var results: [EffectResult] = []
        if let id = draft.participantId { results += perform(.openParticipant(id: id)) + completion() }
        run([], then: results + [.draftRestored(draft.form, writer: draft.writer)])
    }

    /// Handles one key press and carries out what it asks for (after what `idle` does, so
    /// that the key acts on the record as it is on disk).
    public func handle(_ key: Key) {
        completeRecord()
        takeConfirmedCaseload()
        takeCatalogue()
        if waitsForWholeCaseload(key) { return }
        takeReport()
        Update.tick(clock(), state: &state, env: env)
        run(Update.idle(state: state))
        run(Update.handle(key, state: &state, env: env), then: flushPending())
        // A form saved or left is no draft any more, at once (a kill a moment later must not
        // bring it back); steady typing is kept every few seconds.
        typing.keep(draft, steady: true)
    }

    /// Makes the saves kept while their lock was held elsewhere again (each waits a moment
    /// only); call when no key came for a while. True when there were any (draw again).
    @discardableResult
    public func retryPending() -> Bool {
        completeRecord()
        guard !pending.isEmpty else { return false }
        Update.tick(clock(), state: &state, env: env)
        run([], then: flushPending())
        return true
    }

    /// Carries out `effect`; a save that needs a short lock waits behind any already pending.
    private func carry(_ effect: Effect) -> [EffectResult] {
        pending.carry(effect, perform: perform, audit: { audit($0.action, $0.participant, at: $0.at) })
    }

    /// Makes the pending saves in order, up to the first whose lock is still held elsewhere,
    /// and writes the pending audit entries; gives back what they did.
    private func flushPending() -> [EffectResult] {
        pending.flush(perform: perform, audit: { audit($0.action, $0.participant, at: $0.at) })
    }

    /// What is done while no key comes; the terminal driver calls it every few hundred
    /// milliseconds. Returns true when the screen changed (a record shown read only was read
    /// again because another terminal saved it, the journal of the record edited here
    /// gained an entry from a booking elsewhere, the catalogue or its placement counts came, or
    /// the caseload's rows came or were checked again: `followCaseload`).
    public func idle() -> Bool {
        completeRecord()
        let followed = followCaseload()
        let counted = takePlacementCounts()
        let listed = takeCatalogue()
        typing.keep(draft)
        guard !Update.idle(state: state).isEmpty else { return followed || counted || listed }
        let before = (state.open?.readAt, state.open?.participant.journal)
        Update.tick(clock(), state: &state, env: env)
        run(Update.idle(state: state))
        return followed || counted || listed || state.open?.readAt != before.0 || state.open?.participant.journal != before.1
    }

    /// Carries out `effects` in order, folding each result back through `Update` (which may
    /// ask for more), after first folding `results` already in hand.
    func run(_ effects: [Effect], then results: [EffectResult] = []) {
        var queue = effects[...]
        for result in results { queue += Update.apply(result, state: &state, env: env) }
        while let effect = queue.popFirst() {
            for result in carry(effect) { queue += Update.apply(result, state: &state, env: env) }
        }
        Update.settle(&state, env: env)
    }

    /// Takes a new terminal size.
    public func resize(width: Int, height: Int) {
        Update.resize(width: width, height: height, state: &state)
        Update.settle(&state, env: env)
    }

    /// The current screen.
    public func render() -> ScreenBuffer { Renderer.render(state, env: env) }

    /// Keeps an open form as a draft and gives back the edit lock; called on every way out.
    public func shutdown() {
        completeRecord()
        // Saves still waiting for a lock held elsewhere get the usual wait, once.
        pending.waitLonger()
        _ = flushPending()
        if let draft, let data = try? RecordCodec.encode(draft) { try? store.saveDraft(data, for: identity) }
        typing.drop()
        releaseLock()
    }

    private func releaseLock() {
        lock?.release()
        lock = nil
    }

    /// Notes in the audit log who did what to which record (never what it says); a failure
    /// to write it is a result of its own.
    func audit(_ action: AuditAction, _ participant: String?, at moment: Date? = nil) -> [EffectResult] {
        let at = moment ?? state.now
        do {
            try AuditLog(store: store, lockTimeout: pending.lockWait).record(action, participant: participant, by: identity, at: at)
            return []
        } catch {
            return audited(error, action, participant, at: at)
        }
    }

    /// What the write of an audit line that failed with `error` gives: nothing when the log
    /// is locked elsewhere (the entry is kept and written when it is free), else a failure.
    private func audited(_ error: Error, _ action: AuditAction, _ participant: String?, at: Date) -> [EffectResult] {
        guard error is ExclusiveLock.Busy else { return [.failed(.audit(reason: "\(error)"))] }
        pending.keep((action, participant, at))
        return []
    }

    /// Saves a participant (the open one, or one whose plan step a delayed booking links),
    /// keeping journal entries others wrote meanwhile, and, when given, the plan's new
    /// version; the audit log names `action`.
    func save(_ participant: Participant, version: PlanVersion?, audit action: AuditAction) -> [EffectResult] {
        do {
            // Journal entries written meanwhile by bookings elsewhere are kept.
            // The record, its audit line and its history line are written side by side.
            let saved = try savingIntoFolder {
                try ChangeSave.save(participant, version: version, audit: action, in: store, as: identity, at: state.now, lockTimeout: pending.lockWait)
            }
            let noted = saved.audit.map { audited($0, action, participant.id, at: state.now) } ?? []
            if let failure = saved.history {
                return [.participantSaved(id: participant.id, journal: saved.participant.journal, version: nil)] + noted + [.failed(.save(reason: "\(failure)"))]
            }
            return [.participantSaved(id: participant.id, journal: saved.participant.journal, version: version)] + noted
        } catch let busy as ExclusiveLock.Busy {
            return [.waitingForLock(busy.holder)]
        } catch {
            return [.failed(.save(reason: "\(error)"))]
        }
    }

    /// Carries out one effect; returns what it gave back. Reads the state, never writes it.
    private func perform(_ effect: Effect) -> [EffectResult] {
        // Nothing about a record erased meanwhile leaves the folder, nor names it in the audit log.
        if let id = effect.outputParticipant, !store.participantExists(id) { return [.failed(.erased)] }
        switch effect {
        case .addParticipant(let name, let start, let language):
            let participant = Participant(
                id: env.makeID("p"), name: name, language: language, courseStart: start,
                frame: env.courseFrame, by: Stamp(by: identity.coach, at: state.now))
            do {
                try savingIntoFolder { try store.save(participant) }
                return audit(.changed, participant.id) + [.participantAdded(name: name, id: participant.id, move: adding(participant))]
            } catch {
                return [.failed(.save(reason: "\(error)"))]
            }
        case .openParticipant(let id):
            return open(id)
        case .closeParticipant:
            let participant = state.open?.participant
            // A save still waiting for its lock keeps the record locked until it is made.
            if let lock, pending.holdUntilSaved(lock) {
                self.lock = nil
            }
            releaseLock()
            return closing(participant)
        case .quit:
            shutdown()
            return [.quit]
        case .book(let participant, let offer, let step):
            // A record closed before its booking was made (it waited for the offer's lock) has
            // its step linked in its file, not on the screen.
            let shown = state.open?.participant.id == participant
            let results = bookings(linking: shown ? step : nil) { try $0.book(participant, into: offer) }
            guard results.contains(where: \.isBookingChange) else { return results }
            return results + audit(.booked, participant) + journal(of: participant) + (shown ? [] : linkInFile(step, of: participant, after: results))
        case .unbook(let participant, let offer):
            let results = bookings { try $0.unbook(participant, from: offer) }
            return results.contains(where: \.isBookingChange) ? results + audit(.unbooked, participant) + journal(of: participant) : results
        case .print(let job):
            do {
                let sent = try Printer.print(pdf: job.document.pdf, printer: job.printer)
                return audit(.printed, job.document.participant)
                    + [.printed(printer: sent.printer, pages: job.document.pages, standIns: job.document.standIns)]
            } catch let failure as Printer.Failure {
                return [.failed(.print(failure))]
            } catch {
                return [.failed(.print(.failed("\(error)")))]
            }
        case .choosePrinter:
            let printers = Printer.available()
            guard printers.isEmpty else { return [.printersFound(printers)] }
            return [.failed(.print(Printer.isSchedulerRunning() == false ? .notRunning : .noPrinter))]
        case .saveCalendar(let participant, let offers, let path):
            let export = CalendarExport(
                participant: participant, offers: offers, strings: env.table(for: participant.language),
                now: state.now, today: state.today)
            do {
                try AtomicFile.write(Data(export.ics().utf8), to: URL(fileURLWithPath: path))
                return audit(.calendar, participant.id) + [.calendarSaved(events: export.events.count, path: path)]
            } catch {
                return [.failed(.calendar(reason: "\(error)"))]
            }
        case .savePDF(let job, let path):
            do {
                try AtomicFile.write(job.pdf, to: URL(fileURLWithPath: path))
                return audit(.summaryWritten, job.participant) + [.pdfSaved(path: path, standIns: job.standIns)]
            } catch {
                return [.failed(.pdf(reason: "\(error)"))]
            }
        case .loadAudit(let participant):
            return [.auditLoaded(AuditLog(store: store).entries(for: participant))]
        case .loadOffers:
            return catalogueIfChanged()
        case .makeReport(let query):
            return startReport(query)
        case .loadHistory(let id):
            return [.historyLoaded(store.loadHistory(participant: id), complete: true)]
        case .rereadIfChanged(let id):
            if lock == nil, rest == nil, case .acquired(let taken)? = try? store.lockParticipant(id, as: identity) {
                return lockTaken(taken, id)
            }
            let stamp = ParticipantJournal.stamp(id, in: store)
            guard stamp != openStamp else { return [] }
            // Noted also when the read fails, so that a damaged file is reported once, not at every tick.
            openStamp = stamp
            do {
                let participant = try store.loadParticipant(id)
                // Edited here, only journal entries can come from elsewhere (the edit lock keeps
                // every other writer out); this terminal's own saves read back the same journal.
                guard lock == nil else { return [.journalRead(participant: id, participant.journal)] }
                return [.reread(participant, history: store.loadHistory(participant: id))]
                    + (linkedOffers(of: participant).map { [.offersLoaded($0)] } ?? [])
            } catch {
                return [.failed(.open(reason: env.strings.problemText(error)))]
            }
        case .loadBoard, .saveJob, .markJobFilled, .jobSuggested:
            return performBoard(effect)
        case .saveOffer(let offer, let base):
            var kept: [OfferMerge.Field] = []
            var title = offer.title
            let results = bookings { booking in
                try booking.change(offer: offer.id) { current, now in
                    guard let current, let base else { return Booking.Change(offer: offer, outcome: .updated(promoted: []), events: []) }
                    // Only what the form changed is applied to the offer as it is now.
                    let merge = OfferMerge.merge(base: base, edited: offer, current: current)
                    kept = merge.conflicts
                    title = merge.offer.title
                    return try Booking.update(current, with: merge.offer, at: now)
                }
            }
            guard results.contains(where: \.isBookingChange) else { return results }
            if base == nil { return results + [.offerAdded(title: offer.title)] }
            return kept.isEmpty ? results : results + [.offerFieldsKept(title: title, fields: kept)]
        case .cancelOffer(let id):
            return bookings { try $0.cancel(offer: id) }
        case .markAttendance(let offer, let session, let marks):
            return bookings { booking in
                try booking.change(offer: offer) { current, _ in
                    guard var changed = current else { throw BookingStore.Failure.unknownOffer(offer) }
                    for (participant, status) in marks { changed.mark(participant, at: session, as: status) }
                    return Booking.Change(offer: changed, outcome: .updated(promoted: []), events: [])
                }
            }
        case .audit(let action, let participant):
            return audit(action, participant)
        case .saveParticipant(let participant, let version):
            return save(participant, version: version, audit: .changed)
        case .savePlacement(let participant, let action):
            return save(participant, version: nil, audit: action)
        case .loadPlacementCounts:
            return placementTally.counts().map { [.placementCountsLoaded($0)] } ?? []
        }
    }

    /// The participant's journal as on disk (a booking change has just added to it); nothing
    /// when the file cannot be read (the journal then shows at the next save or opening).
    private func journal(of participant: String) -> [EffectResult] {
        guard let record = try? store.loadParticipant(participant) else { return [] }
        return [.journalRead(participant: participant, record.journal)]
    }

    /// Runs a booking change under the offer's lock; gives back what happened (or why not)
    /// with the offers shown, the offer as read under its lock in place (see `offersAfterBooking`).
    private func bookings(linking step: PlanRow? = nil, _ change: (BookingStore) throws -> BookingStore.Result) -> [EffectResult] {
        let booking = BookingStore(store: store, identity: identity, lockTimeout: pending.lockWait)
        do {
            let result = try change(booking)
            return [.bookingChanged(result.change, offers: offersAfterBooking(result.change.offer), linking: step)]
        } catch let failure as BookingStore.Failure {
            guard case .refused(_, let current) = failure else { return [.bookingRefused(failure, offers: offersAfterBooking(nil))] }
            return [.bookingRefused(failure, offers: offersAfterBooking(current))]
        } catch {
            return [.bookingRefused(.writeFailed("\(error)"), offers: offersAfterBooking(nil))]
        }
    }

    /// Reads what the record opened last still lacks (its notes and ratings, left out of its
    /// first frame); nothing when it is whole. The terminal driver calls it after drawing
    /// each frame; every other way into the app (a key, idle time, a retry, the way out)
    /// calls it first, so that nothing but the first frame ever sees the record without them.
    /// True when it read something, so that the frame must be drawn again (when the rest cannot
    /// be read, the record is closed and the reason shown).
    @discardableResult public func completeRecord() -> Bool {
        let results = completion()
        guard !results.isEmpty else { return false }
        run([], then: results)
        return true
    }

    /// The rest of the record opened for its first frame, read now: the whole record, or,
    /// when its notes or ratings cannot be read, the record closed with the reason, as an
    /// opening that fails. Nothing when the open record is whole.
    private func completion() -> [EffectResult] {
        guard let rest else { return [] }
        self.rest = nil
        do {
            return [.recordCompleted(try rest.whole())]
        } catch {
            releaseLock()
            // The row of the participant stays selected; nothing was saved.
            return closing(nil) + [.failed(.open(reason: env.strings.problemText(error)))]
        }
    }

    /// Takes a participant's edit lock (or learns who holds it, or why it cannot be written),
    /// then reads the record under it, and reads its history. A large record's notes and
    /// ratings are read after the first frame (`completeRecord`).
    private func open(_ id: String) -> [EffectResult] {
        do {
            // Taken before the record is read: a write in between is seen as a change.
            let stamp = ParticipantJournal.stamp(id, in: store)
            let editing = try store.openForEditing(id, as: identity, firstScreenFirst: true)
            openStamp = stamp
            let participant = editing.participant
            lock = editing.lock
            rest = editing.rest
            loadFonts()
            if env.tables[participant.language] == nil, let resources = env.resources,
                let table = try? Localizer.load(language: participant.language, resources: resources)
            {
                env.tables[participant.language] = table
            }
            // The whole catalogue is read when a tab that lists it is opened; here only the
            // offers the plan links to (their titles show on the plan tab).
            let offers = linkedOffers(of: participant)
            // Only the newest plan versions, back to the one the change marks need.
            let timeZone = env.timeZone
            let recent = store.loadRecentHistory(participant: id) { PlanChanges.reaches($0, for: participant, timeZone: timeZone) }
            return [
                .opened(
                    participant, history: recent.versions, heldBy: editing.heldBy,
                    lockFailure: editing.lockFailure.map { "\($0)" }, offers: offers),
                .historyLoaded(recent.versions, complete: recent.complete),
            ]
                + audit(.opened, id)
        } catch {
            return [.failed(.open(reason: env.strings.problemText(error)))]
        }
    }
}

extension App {
    /// A record shown read only whose edit lock this terminal just took (`taken`): read again
    /// under the lock, so that what is changed here starts from what the other terminal saved.
    /// A record that cannot be read gives the lock back and closes as opening would.
    fileprivate func lockTaken(_ taken: RecordLock, _ id: String) -> [EffectResult] {
        do {
            let participant = try store.loadParticipant(id)
            lock = taken
            openStamp = ParticipantJournal.stamp(id, in: store)
            return [.lockTaken(participant, history: store.loadHistory(participant: id))]
                + (linkedOffers(of: participant).map { [.offersLoaded($0)] } ?? [])
        } catch {
            taken.release()
            return [.failed(.open(reason: env.strings.problemText(error)))]
        }
    }
}

extension EffectResult {
    /// True for a booking change that went through.
    fileprivate var isBookingChange: Bool {
        if case .bookingChanged = self { return true }
        return false
    }
}
