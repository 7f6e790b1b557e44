import StepwiseCore

/// The progress tab: movement the citizen reads at a glance. For each indicator a bar for the
/// first, previous and latest rating, a sparkline over all, and arrows with numbers (never
/// colour alone); then the steps of the plan, milestones and the outcome.
enum ProgressView {
    static func lines(_ p: Participant, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var lines: [StyledLine] = [StyledLine(s("progress.ratings"), .heading)]
        let movements = env.indicators.indicators.map { Movement(indicator: $0.id, ratings: p.ratings) }
        if p.ratings.isEmpty {
            lines.append(StyledLine("  " + s("progress.noRatings"), .muted))
        } else {
            let since = StepMovement(movements) { $0.sinceStart }
            let last = StepMovement(movements) { $0.sinceLast }
            lines.append(
                StyledLine(
                    "  "
                        + s("progress.count", count: p.ratings.count, ["date": s.shortDate(p.ratings.last?.day ?? Day(ordinal: 0))]), .muted))
            lines.append(
                StyledLine([
                    ("  " + s("progress.sinceStart") + " ", .plain), (counts(since), .bold),
                    ("   " + s("progress.sinceLast") + " ", .plain), (p.ratings.count > 1 ? counts(last) : "–", .bold),
                ]))
            for (indicator, movement) in zip(env.indicators.indicators, movements) {
                lines += block(indicator.text(in: s.language), movement, env: env, width: width)
            }
            let belief = Movement(coachBeliefIn: p.ratings)
            if belief.latest != nil {
                lines += block(
                    env.indicators.coachBelief[s.language] ?? env.indicators.coachBelief["en"] ?? "", belief, env: env, width: width)
            }
        }
        lines.append(.blank)
        lines.append(StyledLine(s("progress.steps"), .heading))
        lines.append(StyledLine("  " + steps(p, env: env)))
        lines.append(.blank)
        lines.append(StyledLine(s("progress.milestones"), .heading))
        if p.milestones.isEmpty { lines.append(StyledLine("  " + s("progress.noMilestones"), .muted)) }
        let dayWidth = p.milestones.map { DisplayWidth.of(s.shortDate($0.day)) }.max() ?? 0
        for milestone in p.milestones {
            let name =
                milestone.kind == .custom
                ? milestone.text
                : s("milestone.\(milestone.kind.rawValue)")
                    + (milestone.text.isEmpty ? "" : ": " + milestone.text)
            lines.append(StyledLine([("  ✓ " + DisplayWidth.pad(s.shortDate(milestone.day), to: max(12, dayWidth) + 1), .plain), (name, .bold)]))
        }
        lines.append(.blank)
        if let outcome = p.outcome {
            var text = s("outcome.\(outcome.kind.rawValue)")
            if let hours = outcome.hoursPerWeek { text += ", " + s("progress.hours", count: hours) }
            if !outcome.text.isEmpty { text += ": " + outcome.text }
            lines.append(StyledLine([(s("progress.outcome") + " ", .heading), (text + " (" + s.shortDate(outcome.day) + ")", .bold)]))
        } else {
            lines.append(StyledLine([(s("progress.outcome") + " ", .heading), (s("progress.noOutcome"), .muted)]))
        }
        return lines
    }

    /// "▲ 5 up · ■ 2 same · ▼ 1 down".
    private static func counts(_ movement: StepMovement) -> String {
        "▲\(movement.up) ■\(movement.same) ▼\(movement.down)"
    }

    /// Two lines for one indicator: its words with the sparkline and change, then the bars.
    static func block(_ title: String, _ movement: Movement, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        var change = ""
        if let delta = movement.sinceStart, movement.all.count > 1 {
            change = delta > 0 ? "▲+\(delta)" : delta < 0 ? "▼\(delta)" : "■ 0"
        }
        let tail = "  " + sparkline(movement.all) + "  " + DisplayWidth.pad(change, to: 4)
        let head = StyledLine([("  " + DisplayWidth.truncate(title, to: width - DisplayWidth.of(tail) - 2), .bold)])
        let headWidth = DisplayWidth.of(head.segments.map(\.text).joined())
        var first = head
        first.segments.append((String(repeating: " ", count: max(1, width - headWidth - DisplayWidth.of(tail))) + tail, .plain))
        var bars: [(String, Style)] = [("    ", .plain)]
        for (label, value) in [
            ("progress.first", movement.first), ("progress.previous", movement.previous), ("progress.latest", movement.latest),
        ] {
            bars.append((s(label) + " ", .muted))
            bars.append(
                (bar(value) + " " + (value.map { String(format: "%2d", $0) } ?? " –") + "   ", label == "progress.latest" ? .bold : .plain))
        }
        return [first, StyledLine(bars)]
    }

    /// A bar of ten cells: filled up to the score.
    static func bar(_ value: Int?) -> String {
        guard let value else { return String(repeating: "·", count: 10) }
        let filled = max(0, min(10, value))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }

    /// One block character per rating, from ▁ (1) to █ (10).
    static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.suffix(12).map { blocks[max(0, min(7, ($0 - 1) * 7 / 9))] })
    }

    /// "3 of 7 steps done · 2 doing" and how many were done since the last session.
    private static func steps(_ p: Participant, env: UIEnvironment) -> String {
        let all = p.plan.goals.filter { $0.dropped == nil }.flatMap(\.steps).filter { $0.status != .dropped }
        let done = all.filter { $0.status == .done }
        var text = env.strings(
            "progress.stepsDone",
            [
                "n": String(done.count), "of": String(all.count),
                "doing": String(all.filter { $0.status == .doing }.count),
            ])
        if let lastSession = p.sessions.last(where: { !$0.isOpen }) {
            let since = done.filter { $0.statusChanged >= Day(lastSession.started.at, timeZone: env.timeZone) }.count
            text += " · " + env.strings("progress.doneSinceSession", ["n": String(since)])
        }
        return text
    }
}
