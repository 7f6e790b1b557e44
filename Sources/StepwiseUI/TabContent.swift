import StepwiseCore

/// The lines of each tab of the participant screen.
enum TabContent {
    static func lines(_ open: OpenParticipant, state: AppState, env: UIEnvironment, width: Int) -> [StyledLine] {
        switch open.tab {
        case .plan: return []
        case .offers: return offers(open.participant, state: state, env: env)
        case .notes: return []
        case .progress: return ProgressView.lines(open.participant, env: env, width: width)
        case .summary: return []
        }
    }

    /// The offers the participant holds a seat in or waits for.
    static func offers(_ p: Participant, state: AppState, env: UIEnvironment) -> [StyledLine] {
        let s = env.strings
        let booked = state.offers.filter { $0.booked.contains { $0.participantId == p.id } }
        let waiting = state.offers.filter { $0.waiting.contains { $0.participantId == p.id } }
        var lines = [StyledLine(s("offers.booked"), .heading)]
        if booked.isEmpty { lines.append(StyledLine("  " + s("offers.none"), .muted)) }
        for offer in booked { lines += describe(offer, env: env, extra: nil) }
        lines.append(.blank)
        lines.append(StyledLine(s("offers.waiting"), .heading))
        if waiting.isEmpty { lines.append(StyledLine("  " + s("offers.none"), .muted)) }
        for offer in waiting {
            let place = (offer.waiting.firstIndex { $0.participantId == p.id } ?? 0) + 1
            lines += describe(offer, env: env, extra: s("offers.waitPlace", ["n": String(place)]))
        }
        return lines
    }

    private static func describe(_ offer: Offer, env: UIEnvironment, extra: String?) -> [StyledLine] {
        let s = env.strings
        var title: [(String, Style)] = [("  • " + offer.title, .bold)]
        if offer.status == .cancelled { title.append(("  ⚠ " + s("offers.cancelled"), .warning)) }
        if let extra { title.append(("  (" + extra + ")", .plain)) }
        var lines = [StyledLine(title), StyledLine("    " + (offer.place == "online" ? s("offers.online") : offer.place), .muted)]
        for session in offer.sessions.sorted(by: { $0.day < $1.day }) {
            lines.append(StyledLine("    " + DisplayWidth.pad(s.dayWithWeekday(session.day), to: 17) + session.start + "–" + session.end))
        }
        return lines
    }
}
