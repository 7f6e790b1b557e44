import StepwiseCore

/// What a booking did, or why it was refused, in the screen's language; and the citizen's
/// news from their journal, in the citizen's language.
enum OfferMessages {
    /// The journal entries that are news to the citizen: what others' acts did to their
    /// bookings. Their own bookings are not news.
    static let newsKinds: Set<JournalEntry.Kind> = [.promoted, .offerCancelled, .unbooked]
    /// How far back news goes, in days, and how many entries are shown at most.
    static let newsDays = 14
    static let newsCount = 3

    /// "News" and, newest first, up to `newsCount` journal entries of `newsKinds` from the
    /// last `newsDays` days ("Mon 30 Nov · “Mentorstøtte” was cancelled."), in the citizen's
    /// language (`UIEnvironment.table(for:)`); no lines when there is no news.
    static func news(_ p: Participant, today: Day, env: UIEnvironment) -> [StyledLine] {
        let s = env.table(for: p.language)
        let since = today.adding(days: -newsDays)
        let recent = p.journal.filter { newsKinds.contains($0.kind) && Day($0.stamp.at, timeZone: env.timeZone) >= since }
        guard !recent.isEmpty else { return [] }
        return [StyledLine(s("offers.news"), .heading)]
            + recent.suffix(newsCount).reversed().map { entry in
                StyledLine([
                    ("  " + s.dayWithWeekday(Day(entry.stamp.at, timeZone: env.timeZone), year: false) + " · ", .muted),
                    (s("journal.\(entry.kind.rawValue)", ["title": entry.offerTitle ?? ""]), .bold),
                ])
            }
    }

    /// The question asked before booking `offer` when it overlaps `overlaps`: both offers named
    /// and quoted as the language quotes (`summary.quoted`), each with the day and time it
    /// clashes on; a mandatory conversation by its name and day.
    static func clash(_ offer: Offer, with overlaps: [Overlap], strings s: Localizer) -> String {
        s("confirm.overlap", ["title": offer.title, "other": named(overlaps.map(\.other), strings: s)])
    }

    /// What clashes, in words: "“CV workshop” (Mon 7 Dec 2026 10:00–12:00); Conversation 3 (…)",
    /// for the question before booking and the warning on the next appointment alike.
    static func named(_ others: [Overlap.Other], strings s: Localizer) -> String {
        others.map { other -> String in
            switch other {
            case .offer(_, let title, let session, _):
                return s("summary.quoted", ["text": title]) + " (" + s.dayWithWeekday(session.day) + " " + session.times + ")"
            case .conversation(let number, let day):
                return s("conversation.number", ["n": String(number)]) + " (" + s.dayWithWeekday(day) + ")"
            }
        }
        .joined(separator: "; ")
    }

    static func describe(_ change: Booking.Change, env: UIEnvironment) -> String {
        let s = env.strings
        let title = change.offer.title
        switch change.outcome {
        case .booked(let seat): return s("booking.booked", ["title": title, "n": String(seat), "of": String(change.offer.capacity)])
        case .waitlisted(let place): return s("booking.waitlisted", ["title": title, "n": String(place)])
        case .unbooked(let promoted):
            return s("booking.unbooked", ["title": title])
                + (promoted.isEmpty ? "" : " " + s("booking.promoted", ["n": String(promoted.count)]))
        case .leftWaitlist: return s("booking.leftWaitlist", ["title": title])
        case .offerCancelled(let affected): return s("booking.cancelled", count: affected.count, ["title": title])
        case .updated: return s("booking.updated", ["title": title])
        }
    }

    static func describe(_ failure: BookingStore.Failure, env: UIEnvironment) -> String {
        let s = env.strings
        guard case .refused(let refusal, let offer) = failure else { return failure.description }
        switch refusal {
        case .offerCancelled: return s("booking.refused.cancelled", ["title": offer.title])
        case .alreadyBooked(let seat): return s("booking.refused.booked", ["title": offer.title, "n": String(seat)])
        case .alreadyWaiting(let place): return s("booking.refused.waiting", ["title": offer.title, "n": String(place)])
        case .full: return s("booking.refused.full", ["title": offer.title])
        case .notBooked: return s("offers.notIn", ["title": offer.title])
        case .capacityBelowBooked: return failure.description
        }
    }
}
