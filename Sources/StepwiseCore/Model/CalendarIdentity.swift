import Foundation

/// What a calendar needs to update an event instead of adding it twice (RFC 5545 3.8.4.7
/// UID, 3.8.7.4 SEQUENCE, 3.8.7.3 LAST-MODIFIED): every dated thing keeps one id for its whole
/// life, and counts its changes.
///
/// The rules change records as they are saved, so that every way of editing (the catalogue
/// form, the internship form, a spreadsheet import, the session and plan forms) keeps ids and
/// counts changes the same way.
public enum CalendarIdentity {
    /// How long something that no longer happens stays in calendar files as a cancelled event
    /// after it was cancelled, so that a calendar that imported an earlier file learns of it.
    public static let cancelledRetentionDays = 90

    /// `id`, or `id-2`, `id-3` … : the first that is not in `taken`.
    public static func unique(_ id: String, avoiding taken: Set<String>) -> String {
        guard taken.contains(id) else { return id }
        var number = 2
        while taken.contains("\(id)-\(number)") { number += 1 }
        return "\(id)-\(number)"
    }

    /// True while something cancelled at `moment` still belongs in a calendar file made at `now`.
    public static func isRecent(_ moment: Date, now: Date) -> Bool {
        now.timeIntervalSince(moment) <= Double(cancelledRetentionDays) * 86_400
    }

    /// `edited`'s sessions with the ids of `old`'s, as a change of
    /// details at `now` leaves them:
    ///
    /// - a session at the same day and times as one before is that session, unchanged;
    /// - the other sessions are paired with the other old ones in date order: the same session,
    ///   moved (its sequence goes up, `modified` is `now`);
    /// - sessions left over are new (a fresh id), or were taken out: those go to
    ///   `cancelledSessions` (sequence up, `modified` now) and leave it after
    ///   `cancelledRetentionDays`; a session put back at the time it was taken out gets its id back.
    ///
    /// A participant's follow-up meetings keep their ids by `Placement.put`.
    ///
    /// A change from cancelled back to open counts as a change of every session.
    public static func carry(from old: Offer, into edited: inout Offer, at now: Date) {
        var removed = old.sessions.sorted(by: OfferSession.isBefore)
        var cancelled = old.cancelledSessions.filter { isRecent($0.modified ?? now, now: now) }
        var result: [OfferSession?] = edited.sessions.map { _ in nil }
        for (index, session) in edited.sessions.enumerated() {
            if let same = removed.firstIndex(where: { $0.isAtSameTime(as: session) }) {
                result[index] = removed.remove(at: same)
            } else if let back = cancelled.firstIndex(where: { $0.isAtSameTime(as: session) }) {
                var restored = cancelled.remove(at: back)
                restored.sequence += 1
                restored.modified = now
                result[index] = restored
            }
        }
        var taken = Set(old.sessions.map(\.id) + old.cancelledSessions.map(\.id))
        let unmatched = result.indices.filter { result[$0] == nil }.sorted {
            OfferSession.isBefore(edited.sessions[$0], edited.sessions[$1])
        }
        for index in unmatched {
            var session = edited.sessions[index]
            if !removed.isEmpty {
                let previous = removed.removeFirst()
                session.id = previous.id
                session.sequence = previous.sequence + 1
            } else {
                session.id = unique(OfferSession.naturalID(day: session.day, start: session.start), avoiding: taken)
                session.sequence = 0
                taken.insert(session.id)
            }
            session.modified = now
            result[index] = session
        }
        edited.sessions = result.compactMap { $0 }
        if old.status == .cancelled && edited.status == .open {
            for index in edited.sessions.indices {
                edited.sessions[index].sequence += 1
                edited.sessions[index].modified = now
            }
        }
        edited.cancelledSessions =
            cancelled
            + removed.map { session in
                var session = session
                session.sequence += 1
                session.modified = now
                return session
            }
    }

    /// Counts the calendar changes of `edited` against the record as it was (`old`) at `now`:
    /// a mandatory conversation whose day or status changed, and a next appointment whose
    /// day, time or place changed, get their sequence up and `modified` set. A count is never
    /// lowered (a screen's copy may be older than the file).
    public static func stamp(_ edited: inout Participant, since old: Participant, at now: Date) {
        for index in edited.conversations.indices {
            let conversation = edited.conversations[index]
            guard let before = old.conversations.first(where: { $0.number == conversation.number }) else { continue }
            let changed = before.planned != conversation.planned || before.status != conversation.status
            (edited.conversations[index].sequence, edited.conversations[index].modified) =
                counted(conversation.sequence, conversation.modified, before.sequence, before.modified, changed: changed, now: now)
        }
        for index in edited.sessions.indices {
            guard let next = edited.sessions[index].next,
                let before = old.sessions.first(where: { $0.id == edited.sessions[index].id })?.next
            else { continue }
            let changed = before.day != next.day || before.time != next.time || before.place != next.place
            let (sequence, modified) = counted(next.sequence, next.modified, before.sequence, before.modified, changed: changed, now: now)
            edited.sessions[index].next?.sequence = sequence
            edited.sessions[index].next?.modified = modified
        }
    }

    /// The higher of two counts (and its stamp), one more and `now` when `changed`.
    private static func counted(
        _ sequence: Int, _ modified: Date?, _ before: Int, _ beforeModified: Date?, changed: Bool,
        now: Date
    ) -> (Int, Date?) {
        let (base, stamp) = sequence >= before ? (sequence, modified) : (before, beforeModified)
        return changed ? (base + 1, now) : (base, stamp)
    }
}

extension OfferSession {
    /// Date and start order.
    static func isBefore(_ a: OfferSession, _ b: OfferSession) -> Bool { (a.day, a.start, a.id) < (b.day, b.start, b.id) }
}
