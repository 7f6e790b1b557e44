import Foundation
import StepwiseCore
import StepwiseUI

/// Saves that found a short lock (an offer's, a journal's, the audit log's) held on another
/// machine, kept in order and made again until the lock is free. A lock held elsewhere cannot
/// be checked and may stay until it is stale (2 minutes), and a key must answer at once, so a
/// save waits `lockWait` seconds only and is then kept here; `App` makes the kept saves again
/// after each key and when no key comes (`App.retryPending`).
final class PendingSaves {
    /// An audit entry whose log was locked elsewhere, with the moment it is about.
    typealias Audit = (action: AuditAction, participant: String?, at: Date)

    /// How long a short lock is waited for on screen before the change is kept, in seconds.
    private static let screenLockWait: TimeInterval = 0.03
    /// How long a short lock is waited for, in seconds: `screenLockWait` until `waitLonger`.
    private(set) var lockWait = PendingSaves.screenLockWait
    private let store: DataStore
    /// Saves kept, in the order they were asked for.
    private var effects: [Effect] = []
    /// Audit entries kept, written in order once every kept save is made.
    private var audits: [Audit] = []
    /// Edit locks of records closed while a save of theirs was kept, given back once saved.
    private var heldUntilSaved: [RecordLock] = []
    /// True from a save that found its lock held elsewhere until every kept save is made.
    private var waiting = false

    /// - Parameter store: the data folder, to name who holds an offer's lock.
    init(store: DataStore) {
        self.store = store
    }

    /// True when no save and no audit entry is kept.
    var isEmpty: Bool { effects.isEmpty && audits.isEmpty }

    /// Makes `effect` through `perform`, or keeps it behind the saves already kept: a save that
    /// needs a short lock never overtakes an earlier one. Gives back what was made.
    func carry(_ effect: Effect, perform: (Effect) -> [EffectResult], audit: (Audit) -> [EffectResult]) -> [EffectResult] {
        guard effect.waitsForLock else { return perform(effect) }
        effects.append(effect)
        return flush(perform: perform, audit: audit)
    }

    /// Keeps an audit entry whose log is locked elsewhere, to be written by `flush`.
    func keep(_ entry: Audit) {
        audits.append(entry)
    }

    /// Keeps the edit lock of a record being closed while a save of it is still kept (of the
    /// record, or a booking that links one of its plan steps); false (and the lock is not
    /// kept) when no such save is kept.
    func holdUntilSaved(_ lock: RecordLock) -> Bool {
        guard effects.contains(where: { $0.savesParticipant || $0.linksStep }) else { return false }
        heldUntilSaved.append(lock)
        return true
    }

    /// True when the edit lock of participant `id` is kept here until its saves are made.
    func holdsLock(of id: String) -> Bool {
        heldUntilSaved.contains { URL(fileURLWithPath: $0.path).lastPathComponent == id + ".lock" }
    }

    /// From now on a short lock is waited for the usual 30 seconds (`ExclusiveLock`'s
    /// default): for the last try when the program ends.
    func waitLonger() {
        lockWait = 30
    }

    /// Makes the kept saves in order through `perform`, up to the first whose lock is still
    /// held elsewhere, then writes the kept audit entries through `audit`; gives back what
    /// they did, ending in `.savedAfterWait` once saves kept while a lock was held are made.
    func flush(perform: (Effect) -> [EffectResult], audit: (Audit) -> [EffectResult]) -> [EffectResult] {
        guard !isEmpty else { return [] }
        var results: [EffectResult] = []
        while let next = effects.first {
            let done = perform(next).map { result -> EffectResult in
                guard case .bookingRefused(.busy, _) = result, let offer = next.lockedOffer else { return result }
                return .waitingForLock(ExclusiveLock.holder(at: BookingStore.lockPath(offer, in: store)))
            }
            if let wait = done.first(where: \.isLockWait) {
                waiting = true
                return results + [wait]
            }
            effects.removeFirst()
            results += done
        }
        heldUntilSaved.forEach { $0.release() }
        heldUntilSaved = []
        let entries = audits
        audits = []
        for entry in entries { results += audit(entry) }
        guard waiting else { return results }
        waiting = false
        // Saves kept while their lock was held elsewhere are made now: the screen says so,
        // unless one of them was refused or failed, which the screen then says instead.
        guard !results.contains(where: \.isRefusal) else { return results }
        return results + [.savedAfterWait]
    }
}

extension EffectResult {
    /// True when a save found its lock held elsewhere and was kept to make again.
    fileprivate var isLockWait: Bool {
        if case .waitingForLock = self { return true }
        return false
    }

    /// True when a save was refused or failed (or made only in part), which the screen says.
    fileprivate var isRefusal: Bool {
        switch self {
        case .bookingRefused, .failed, .stepNotLinked: return true
        default: return false
        }
    }
}

extension Effect {
    /// True for a booking that links a plan step of the participant (a change to the record).
    fileprivate var linksStep: Bool {
        guard case .book(_, _, .some) = self else { return false }
        return true
    }
}
