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
    /// waits for it).
    public func confirmCaseload(after gate: @escaping @Sendable () -> Void = {}) {
        loadFonts()
        shown.gate = gate
        guard shown.unconfirmed else { return }
        beginCheck()
    }

    /// Begins the check of every file on another thread.
    private func beginCheck() {
        shown.unconfirmed = false
        shown.recheck = false
        shown.closed = []
        let box = Confirmation()
        shown.check = box
        let store = self.store
        let index = CaseloadIndex(store: store)
        let gate = shown.gate
        Thread.detachNewThread {
            gate()
            let before = index.folderStamp()
            box.deliver(store.loadCaseload(), folder: before)
        }
    }

    /// Replaces a caseload shown from its first rows by the caseload checked by
    /// `confirmCaseload` when it is there, else by the whole index as it is (never waiting for
    /// the check of every file, which at 100,000 participants takes seconds after a restore;
    /// the check's rows replace these when they come), else, with no readable index, by the
    /// caseload checked file by file. Call only for a key the first rows cannot serve
    /// (`FirstRowsKeys`): the index is then read twice at once only while a check runs.
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
        run([], then: [.caseloadLoaded(rows, select: nil)])
        if shown.recheck { beginCheck() }
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

    /// The caseload with `participant` (just added, as saved) in it, at once: the rows shown
    /// with its row put where its name sorts (after reading the whole index when only the
    /// first rows are shown); when other files were renamed into or out of the folder
    /// meanwhile, every file is checked on another thread as on going back.
    func adding(_ participant: Participant) -> Caseload {
        if shown.folder == nil { checkAgain(saved: CaseloadEntry(participant)) }
        readWholeCaseload()
        return CaseloadIndex.replacing(participant, in: state.caseload, order: store.nameOrder)
    }

    /// Has every file checked again: now, or, while a check runs, as soon as it ends; `entry`
    /// is the row of a participant saved here, as saved.
    private func checkAgain(saved entry: CaseloadEntry?) {
        guard shown.check != nil else { return beginCheck() }
        shown.recheck = true
        if let entry { shown.closed.append(entry) }
    }
}
