import Foundation
import StepwiseCore
import StepwiseUI

/// What this terminal knows of the caseload it shows, and of the check of it against every
/// participant file that runs on another thread (see `App.confirmCaseload`).
struct ShownCaseload {
    /// The stamp of `participants/` at which the caseload shown was right (apart from the open
    /// participant's own saves); nil when not known. While the folder keeps it, going back to
    /// the caseload updates one row and checks nothing.
    var folder: FolderStamp?
    /// The check of every file running now, if any.
    var check: Confirmation?
    /// True while the caseload shown came from the index alone and no check of it has begun.
    var unconfirmed = false
    /// The caseload shown holds only its first rows (see `CaseloadIndex.loadFirstRows`).
    var firstRowsOnly = false
    /// True when another check is to begin as soon as the running one ends: files were renamed
    /// into or out of the folder while it ran, which it may have listed before.
    var recheck = false
    /// The rows of the participants closed while the check runs, as saved, oldest first: the
    /// check may have read their files before the last save, so they go into its rows after.
    var closed: [CaseloadEntry] = []
    /// Runs on the check's thread before it begins (a test holds the check back with it).
    var gate: @Sendable () -> Void = {}
    /// Runs on the check's thread before it reads the index's rows, when it does (a test
    /// holds the reading back with it).
    var readingGate: @Sendable () -> Void = {}
    /// The keys pressed while only the first rows are shown that need the whole caseload
    /// (a move past the first rows, the end of the list), and every key after them, in the
    /// order pressed: they act when the rows come (`App.takeWholeCaseload`).
    var waiting: [Key] = []
    /// When the caseload screen last looked at the stamp of `participants/` (`App.followCaseload`).
    var lookedAt: Date?
}

/// The caseload shown at once from what is known (the index, or the rows in memory) and
/// checked against every participant file on another thread after it, at start-up and on
/// going back from a participant when files were renamed into or out of `participants/`
/// meanwhile (another coach saved, a backup was restored); the check's rows replace those
/// shown when they come. No key waits for a check, whose cost grows with the organisation
/// (at 100,000 participants a `stat` of every file and a reading of the whole index: seconds).
extension App {
    /// Shows the caseload for the first frame: its first rows from the index when the index
    /// vouches for `participants/` (or, after files were renamed in or out, from what the index
    /// last knew, when the caseload is large), else the whole index when it vouches for the
    /// folder, else the caseload checked file by file (a small caseload, or no readable index).
    /// A large caseload's first frame reads the head and tail of the index only, whether the
    /// folder changed or not (the whole index is read only when its first rows cannot be shown).
    func showFirstCaseload() {
        let index = CaseloadIndex(store: store)
        let before = index.folderStamp()
        if let first = index.loadFirstRows(state.height) {
            shown.folder = before
            shown.unconfirmed = true
            shown.firstRowsOnly = true
            run([], then: [.caseloadBegun(first)])
        } else if let first = index.loadFirstRows(state.height, anyFolder: true) {
            // Files were renamed in or out since the index vouched for the folder (another
            // coach saved, a backup was restored): what the index knew of a large caseload is
            // shown at once, and checked right after; a small one is checked file by file
            // before the first frame.
            shown.unconfirmed = true
            shown.firstRowsOnly = true
            run([], then: [.caseloadBegun(first)])
        } else if let rows = index.loadIfUnchanged() {
            shown.folder = before
            shown.unconfirmed = true
            run([], then: [.caseloadLoaded(rows, select: nil)])
        } else {
            run([], then: [.caseloadLoaded(loadCaseload(), select: nil)])
        }
    }

    /// The caseload checked against every file, here and now; notes the folder's stamp taken
    /// before.
    func loadCaseload() -> Caseload {
        shown.folder = CaseloadIndex(store: store).folderStamp()
        // A check still running would bring back an older reading.
        shown.check = nil
        shown.recheck = false
        shown.closed = []
        shown.unconfirmed = false
        shown.firstRowsOnly = false
        return store.loadCaseload()
    }

    /// Checks a caseload first shown from the index alone against every file (a file edited
    /// in place by hand keeps the folder's stamp), on another thread; call after the first
    /// frame. `takeConfirmedCaseload` shows the result. Does nothing when the caseload shown
    /// was read file by file already. `gate` runs on the thread of this check and of every
    /// later one before it begins (a test holds the check back with it, to show that no key
    /// waits for it); `reading`, before the check reads the whole index's rows, which it does
    /// first while only the first rows are shown (a test holds them back with it).
    public func confirmCaseload(after gate: @escaping @Sendable () -> Void = {}, reading: @escaping @Sendable () -> Void = {}) {
        loadFonts()
        shown.gate = gate
        shown.readingGate = reading
        guard shown.unconfirmed else { return }
        beginCheck()
    }

    /// Begins the check of every file on another thread; while only the first rows are shown,
    /// it hands over the whole index's rows as they are first (`takeWholeCaseload`), then
    /// confirms those rows against every file (`CaseloadIndex.load(confirming:)`) instead of
    /// making them again, so that the caseload's rows are in memory once (at 100,000
    /// participants 7 MB), not twice; the index is never read twice at once.
    private func beginCheck() {
        shown.unconfirmed = false
        shown.recheck = false
        shown.closed = []
        let readsIndexRows = shown.firstRowsOnly
        let box = Confirmation(readsIndexRows: readsIndexRows)
        shown.check = box
        let store = self.store
        let index = CaseloadIndex(store: store)
        let gate = shown.gate
        let readingGate = shown.readingGate
        Thread.detachNewThread {
            var read: IndexRows?
            if readsIndexRows {
                readingGate()
                read = index.readRows()
                box.deliver(indexRows: read?.rows)
            }
            gate()
            let before = index.folderStamp()
            box.deliver(index.load(confirming: read).rows, folder: before)
        }
    }

    /// True while the whole index's rows are being read on another thread for a caseload that
    /// shows its first rows (the terminal driver then looks for them often).
    public var isReadingCaseload: Bool {
        shown.firstRowsOnly && shown.check?.isReadingIndexRows == true
    }

    /// True while keys wait for the whole caseload's rows (`waitsForWholeCaseload`).
    public var keysWaitForCaseload: Bool { !shown.waiting.isEmpty }

    /// True when `key` is kept to act once the whole caseload's rows come, instead of reading
    /// them here (at 100,000 participants a reading of the whole index takes 200 ms or more):
    /// a key the first rows cannot serve (`FirstRowsKeys`), and every key after one kept, so
    /// that keys act in the order pressed. A search acts at once on the first rows (its list
    /// says that the whole caseload is still being read) and covers everyone when the rows
    /// come. The reading begins here when no check runs; the screen says it is under way.
    func waitsForWholeCaseload(_ key: Key) -> Bool {
        guard shown.firstRowsOnly else { return false }
        if shown.waiting.isEmpty && FirstRowsKeys.suffice(for: key, in: state) { return false }
        if shown.check == nil { beginCheck() }
        takeWholeCaseload()
        guard shown.firstRowsOnly else { return false }
        if shown.waiting.isEmpty && FirstRowsKeys.searches(key, in: state) { return false }
        shown.waiting.append(key)
        run([], then: [.caseloadStillReading])
        return true
    }

    /// Shows the whole index's rows read by the check (its first stage) in place of the first
    /// rows once they came, and lets the keys kept for them act; when the index could not give
    /// them, the check's rows serve instead. True when rows were shown. With `wait`, waits for
    /// them while keys are kept for them (`keysWaitForCaseload`; tests: the terminal driver draws
    /// when they come).
    @discardableResult
    public func takeWholeCaseload(wait: Bool = false) -> Bool {
        guard shown.firstRowsOnly, let box = shown.check else { return false }
        let waits = wait && !shown.waiting.isEmpty
        guard let rows = box.takeIndexRows(wait: waits) else { return takeConfirmedCaseload(wait: waits) }
        shown.firstRowsOnly = false
        run([], then: [.caseloadLoaded(rows, select: nil)])
        actOnWaitingKeys()
        return true
    }

    /// Handles the keys kept while the whole caseload was being read, in the order pressed.
    private func actOnWaitingKeys() {
        let keys = shown.waiting
        shown.waiting = []
        keys.forEach(handle)
    }

    /// How often a caseload on screen looks at the stamp of `participants/` while no key comes:
    /// every 2 seconds. Every save renames a file into the folder, so another coach's save
    /// shows within 2 seconds and a check of every file, which it begins. One `lstat` of the
    /// folder costs microseconds on a local disk and, on NFS, at most one attribute request
    /// (the client caches a folder's attributes for 30 to 60 seconds by default: looking more
    /// often would not see a save there sooner); 2 seconds is also the index's `racyWindow`.
    static let folderLookInterval: TimeInterval = 2

    /// What the caseload does while no key comes: shows the whole index's rows or the checked
    /// rows when they came (the selection stays on the same participant, by id), and, on the
    /// caseload screen (or its search) with no check running, looks at the stamp of
    /// `participants/` every `folderLookInterval` and begins a check when it moved since the
    /// caseload shown was right. True when rows were shown (draw again).
    func followCaseload() -> Bool {
        let taken = takeWholeCaseload() || takeConfirmedCaseload()
        guard state.open == nil, state.context == .caseload || state.context == .searching, shown.check == nil else { return taken }
        let now = clock()
        if let last = shown.lookedAt, now >= last, now.timeIntervalSince(last) < Self.folderLookInterval { return taken }
        shown.lookedAt = now
        if CaseloadIndex(store: store).folderStamp() != shown.folder { beginCheck() }
        return taken
    }

    /// Replaces a caseload shown from its first rows by the caseload checked by
    /// `confirmCaseload` when it is there, else by the whole index as it is (never waiting for
    /// the check of every file, which at 100,000 participants takes seconds after a restore;
    /// the check's rows replace these when they come), else, with no readable index, by the
    /// caseload checked file by file. For a save that changes the caseload (adding a
    /// participant) or a return whose first rows cannot be read again; keys never call it
    /// (`waitsForWholeCaseload`).
    func readWholeCaseload() {
        guard shown.firstRowsOnly else { return }
        shown.firstRowsOnly = false
        if let rows = CaseloadIndex(store: store).loadIfUnchanged(anyFolder: true) {
            run([], then: [.caseloadLoaded(rows, select: nil)])
        } else if !takeConfirmedCaseload(wait: true) {
            run([], then: [.caseloadLoaded(loadCaseload(), select: nil)])
        }
    }

    /// Shows the caseload checked by `confirmCaseload` (or on going back) once it is there,
    /// with the rows of participants closed meanwhile as saved; begins the next check when
    /// files were renamed while it ran. True when it was there. Blocks until it is there when
    /// `wait` is true (tests).
    @discardableResult
    public func takeConfirmedCaseload(wait: Bool = false) -> Bool {
        guard let box = shown.check, let checked = box.take(wait: wait) else { return false }
        shown.check = nil
        shown.firstRowsOnly = false
        shown.folder = checked.folder
        var rows = checked.rows
        for entry in shown.closed { CaseloadIndex.moving(entry, in: rows, order: store.nameOrder).apply(to: &rows) }
        shown.closed = []
        // The rows shown kept by the check (nothing changed) are not shown again: a search
        // shown would be made again over every row for nothing.
        if !(rows.sharesRows(with: state.caseload) && rows == state.caseload) { run([], then: [.caseloadLoaded(rows, select: nil)]) }
        if shown.recheck { beginCheck() }
        actOnWaitingKeys()
        return true
    }

    /// Closes the open participant to the caseload, at once whatever the size: when nothing was
    /// renamed into or out of `participants/` but by this screen's own saves, the one row of
    /// the participant is made from the record as saved; else the same is shown (or the first
    /// rows again, from the index, while only those are shown) and every file is checked on
    /// another thread, whose rows replace these when they come (`takeConfirmedCaseload`).
    func closing(_ participant: Participant?) -> [EffectResult] {
        let unchanged = shown.folder != nil && CaseloadIndex(store: store).folderStamp() == shown.folder
        if !unchanged {
            shown.folder = nil
            checkAgain(saved: participant.map(CaseloadEntry.init))
        }
        if shown.firstRowsOnly, let first = CaseloadIndex(store: store).loadFirstRows(state.height, anyFolder: true) {
            return [.closedToFirstRows(first, select: participant?.id)]
        }
        readWholeCaseload()
        guard let participant else { return [.closed(caseload: state.caseload, select: nil)] }
        return [.closedMoving(CaseloadIndex.moving(participant, in: state.caseload, order: store.nameOrder))]
    }

    /// Makes `write` (a save renamed into `participants/`) and notes whether the caseload
    /// shown is still right but for it: when the folder had the stamp noted for the caseload,
    /// the stamp after the save is noted (only this save changed the folder, to within the
    /// moment between its rename and the `stat` after it); else none. Rethrows what `write` throws.
    func savingIntoFolder<Saved>(_ write: () throws -> Saved) rethrows -> Saved {
        let index = CaseloadIndex(store: store)
        let unchanged = shown.folder != nil && shown.check == nil && index.folderStamp() == shown.folder
        let saved = try write()
        shown.folder = unchanged ? index.folderStamp() : nil
        return saved
    }

    /// Where the row of `participant` (just added, as saved) goes in the rows shown, at once:
    /// where its name sorts (after reading the whole index when only the first rows are
    /// shown), applied in place by the screen; when other files were renamed into or out of
    /// the folder meanwhile, every file is checked on another thread as on going back.
    func adding(_ participant: Participant) -> CaseloadMove {
        if shown.folder == nil { checkAgain(saved: CaseloadEntry(participant)) }
        readWholeCaseload()
        return CaseloadIndex.moving(participant, in: state.caseload, order: store.nameOrder)
    }

    /// Has every file checked again: now, or, while a check runs, as soon as it ends; `entry`
    /// is the row of a participant saved here, as saved.
    private func checkAgain(saved entry: CaseloadEntry?) {
        guard shown.check != nil else { return beginCheck() }
        shown.recheck = true
        if let entry { shown.closed.append(entry) }
    }
}
