import StepwiseCore

/// The progress tab: movement the citizen reads at a glance. For each indicator paired bars
/// of the first and latest rating with the previous as a tick (`IndicatorChart`), and arrows
/// with numbers (never colour alone); then the steps of the plan, milestones and the outcome
/// with the results 3 and 6 months after the end.
enum ProgressView {
    /// The tab's lines as the screen shows them now: the ones kept (`ParticipantMemo`), else made.
    static func lines(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> [StyledLine] {
        open.memo.progress.value(for: ViewInputs(open, state: state, env: env))
            ?? lines(open.participant, env: env, width: state.width - 2)
    }

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
            // One rating has nothing to compare with: saying so beats counting every indicator as unchanged.
            lines +=
                p.ratings.count > 1
                ? [
                    StyledLine([
                        ("  " + s("progress.sinceStart") + " ", .plain), (counts(since), .bold),
                        ("   " + s("progress.sinceLast") + " ", .plain), (counts(last), .bold),
                    ])
                ]
                : StyledLine("  " + s("progress.nothingToCompare"), .muted).wrapped(width: width, indent: 2)
            var items = zip(env.indicators.indicators, movements).map { item(for: $1, label: $0.text(in: s.language)) }
            let belief = Movement(coachBeliefIn: p.ratings)
            if belief.latest != nil {
                items.append(item(for: belief, label: env.indicators.coachBelief[s.language] ?? env.indicators.coachBelief["en"] ?? ""))
            }
            lines += IndicatorChart.lines(items, strings: s, width: width)
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
            let lead = "  ✓ " + DisplayWidth.pad(s.shortDate(milestone.day), to: max(12, dayWidth) + 1)
            lines += StyledLine([(lead, .plain), (name, .bold)]).wrapped(width: width, indent: DisplayWidth.of(lead))
        }
        lines.append(.blank)
        if let outcome = p.outcome {
            var text = s("outcome.\(outcome.kind.rawValue)")
            if let hours = outcome.hoursPerWeek { text += ", " + s("progress.hours", count: hours) }
            if !outcome.text.isEmpty { text += ": " + outcome.text }
            lines += StyledLine([(s("progress.outcome") + " ", .heading), (text + " (" + s.shortDate(outcome.day) + ")", .bold)]).wrapped(
                width: width, indent: 2)
            for months in Outcome.laterMonths {
                let label = "  " + s("progress.later", ["n": String(months)]) + " "
                guard let later = outcome.later(months: months) else {
                    lines.append(StyledLine([(label, .plain), (s("progress.laterNotRecorded"), .muted)]))
                    continue
                }
                var result = s("outcome.\(later.kind.rawValue)")
                if let hours = later.hoursPerWeek { result += ", " + s("progress.hours", count: hours) }
                lines += StyledLine([(label, .plain), (result + " (" + s.shortDate(later.recorded) + ")", .bold)]).wrapped(width: width, indent: 4)
            }
        } else {
            lines.append(StyledLine([(s("progress.outcome") + " ", .heading), (s("progress.noOutcome"), .muted)]))
        }
        return lines
    }

    /// "▲ 5 up · ■ 2 same · ▼ 1 down".
    private static func counts(_ movement: StepMovement) -> String {
        "▲\(movement.up) ■\(movement.same) ▼\(movement.down)"
    }

    /// One indicator's first, previous and latest rating for the chart; a single score is only
    /// the latest (no first to compare it with), and two are the first and the latest (the
    /// previous is the first).
    private static func item(for movement: Movement, label: String) -> IndicatorChart.Item {
        IndicatorChart.Item(
            label: label, first: movement.all.count > 1 ? movement.first.map(Double.init) : nil,
            previous: movement.all.count > 2 ? movement.previous.map(Double.init) : nil,
            latest: movement.latest.map(Double.init))
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
