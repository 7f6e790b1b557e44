import Foundation
import StepwiseCore

/// A selectable row of the plan tab.
public enum PlanRow: Hashable, Sendable {
    case about(AboutMe)
    case goal(String)
    case step(goal: String, step: String)
    case conversation(Int)
    case contact(String)
}

/// The plan tab: the citizen's own words first (about me, goals and steps), then the
/// course frame. Lines written by the citizen are bold and quoted; suggestions say so.
enum PlanLines {
    /// The plan's lines, each with the row it selects (headings select nothing).
    static func lines(
        _ p: Participant, plan: Plan, marks: [String: PlanChanges.Mark], today: Day,
        env: UIEnvironment, offers: [Offer] = [], width: Int = 78
    ) -> [(line: StyledLine, row: PlanRow?)] {
        let s = env.strings
        var out: [(StyledLine, PlanRow?)] = [(StyledLine(s("plan.aboutMe"), .heading), nil)]
        /// Adds an entry, wrapped, every line of it selecting the same row.
        func add(_ line: StyledLine, _ row: PlanRow?, indent: Int) {
            for piece in line.wrapped(width: width, indent: indent) { out.append((piece, row)) }
        }
        let labelWidth = AboutMe.allCases.map { DisplayWidth.of(s("about.\($0.rawValue)")) }.max() ?? 10
        for topic in AboutMe.allCases {
            let label = "  " + DisplayWidth.pad(s("about.\(topic.rawValue)"), to: labelWidth) + "  "
            if let words = plan.aboutMe[topic.rawValue] {
                let line = StyledLine([(label, .plain)] + quoted(words, env: env) + mark(marks[PlanChanges.aboutKey(topic)], env: env))
                add(line, .about(topic), indent: DisplayWidth.of(label))
            } else {
                out.append((StyledLine([(label, .plain), (s("plan.notWritten"), .muted)]), .about(topic)))
            }
        }
        out.append((.blank, nil))
        out.append((StyledLine(s("plan.goals"), .heading), nil))
        if plan.goals.isEmpty { out.append((StyledLine("  " + s("plan.noGoals"), .muted), nil)) }
        for goal in plan.goals {
            var segments: [(String, Style)] = goal.isSuggestion ? [("  ? " + s("plan.suggestion") + " · ", .warning)] : [("  ", .plain)]
            segments.append((s("goal.kind.\(goal.kind.rawValue)") + ": ", .bold))
            segments += quoted(goal.text, env: env)
            if let rejection = goal.rejection {
                segments.append(("  ✗ " + turnedDown(rejection, env: env), .muted))
            } else if let dropped = goal.dropped {
                segments.append(("  ✗ " + s("plan.droppedOn", ["date": s.shortDate(dropped)]), .muted))
            }
            segments += mark(marks[goal.id], env: env)
            add(StyledLine(segments), .goal(goal.id), indent: 4)
            for step in goal.steps {
                add(stepLine(step, marks: marks, today: today, env: env, offers: offers), .step(goal: goal.id, step: step.id), indent: 8)
            }
        }
        out.append((.blank, nil))
        out.append((StyledLine(s("plan.conversations"), .heading), nil))
        // The dates' column is as wide as the widest ("Do., 28. Dez. 2026 10:00 (KW 53)"),
        // two spaces from the status in every language.
        let whenWidth = p.conversations.map { DisplayWidth.of(when($0, in: p, env: env)) }.max() ?? 0
        for conversation in p.conversations.sorted(by: { $0.number < $1.number }) {
            var segments: [(String, Style)] = [
                ("  " + s("conversation.number", ["n": String(conversation.number)]) + "  ", .bold),
                (DisplayWidth.pad(when(conversation, in: p, env: env), to: max(23, whenWidth)) + "  ", .plain),
                (s("conversation.status.\(conversation.status.rawValue)"), conversation.status == .held ? .plain : .bold),
            ]
            if !conversation.earlierDates.isEmpty {
                let dates = conversation.earlierDates.map { s.shortDate($0) }.joined(separator: ", ")
                segments.append(("  " + s("conversation.earlier", ["dates": dates]), .muted))
            }
            if CourseFrame.isOverdue(conversation, today: today) {
                segments.append(("  ⚠ " + s("conversation.overdue"), .warning))
            }
            out.append((StyledLine(segments), .conversation(conversation.number)))
        }
        out.append((.blank, nil))
        out.append((StyledLine(s("plan.people"), .heading), nil))
        // A removed contact stays in the record and its history, not in the list.
        let contacts = p.contacts.filter { $0.removed == nil }
        if contacts.isEmpty { out.append((StyledLine("  " + s("plan.noPeople"), .muted), nil)) }
        for contact in contacts {
            let consent: (String, Style)
            let day = contact.consent.last.map { s.shortDate($0.day) } ?? ""
            switch contact.consentState(on: today) {
            case .given:
                let what = contact.sharing(on: today).map { s("consent.information.\($0.rawValue)") }.joined(separator: ", ")
                let until = contact.consent.last?.until.map { " " + s("plan.consentUntil", ["date": s.shortDate($0)]) } ?? ""
                consent = ("✓ " + s("plan.consentGiven", ["date": day]) + ": " + what + until, .bold)
            case .ended:
                consent = ("✗ " + s("plan.consentEnded", ["date": contact.consent.last?.until.map { s.shortDate($0) } ?? day]), .warning)
            case .withdrawn: consent = ("✗ " + s("plan.consentWithdrawn", ["date": day]), .warning)
            case .refused: consent = ("✗ " + s("plan.consentRefused", ["date": day]), .warning)
            case .notAsked: consent = ("? " + s("plan.consentNotAsked"), .muted)
            }
            let details = [contact.phone, contact.email].filter { !$0.isEmpty }.joined(separator: " · ")
            add(
                StyledLine([
                    ("  " + contact.name, .bold),
                    (" · " + s("contact.\(contact.kind.rawValue)") + (details.isEmpty ? "" : " · " + details) + "  ", .plain),
                    consent,
                ]), .contact(contact.id), indent: 4)
        }
        if let approval = plan.approvals.last {
            out.append((.blank, nil))
            out.append((StyledLine("  ✓ " + s("plan.approved", ["date": s.shortDate(approval.day), "v": String(approval.version)])), nil))
        }
        return out.map { (line: $0.0, row: $0.1) }
    }

    /// "○ Update my CV · me · by Fri 4 Dec · planned".
    /// When a mandatory conversation was held (the day and time its session began) or is
    /// planned for (the day, the time when one was agreed, and the ISO week people plan by).
    static func when(_ conversation: Conversation, in p: Participant, env: UIEnvironment) -> String {
        let s = env.strings
        if conversation.status == .held, let session = p.session(ofConversation: conversation.number) {
            let started = session.started.at
            return s.dayWithWeekday(Day(started, timeZone: env.timeZone)) + " " + TimeText.clock(started, in: env.timeZone)
        }
        return s.withWeek(s.dayWithWeekday(conversation.planned) + (conversation.time.map { " " + $0 } ?? ""), of: conversation.planned)
    }

    private static func stepLine(
        _ step: Step, marks: [String: PlanChanges.Mark], today: Day, env: UIEnvironment,
        offers: [Offer]
    ) -> StyledLine {
        let s = env.strings
        var segments: [(String, Style)] = [("      " + step.status.glyph + " ", .plain)]
        if step.isSuggestion { segments.append(("? " + s("plan.suggestion") + " · ", .warning)) }
        segments += quoted(step.text, env: env)
        var details = [step.who.words(in: s)]
        if let due = step.due { details.append(s("step.by", ["date": s.dayWithWeekday(due)])) }
        details.append(step.rejection.map { turnedDown($0, env: env) } ?? s("step.status.\(step.status.rawValue)"))
        if let offer = offers.first(where: { $0.id == step.offerId }) {
            // The booking a step is linked to shows as cancelled once its offer is.
            details.append("→ " + offer.title + (offer.status == .cancelled ? " (✗ " + s("offers.cancelled") + ")" : ""))
        }
        segments.append(("  · " + details.joined(separator: " · "), step.status == .dropped ? .muted : .plain))
        if let due = step.due, due < today, step.status == .planned || step.status == .doing {
            segments.append(("  ⚠ " + s("step.late"), .warning))
        }
        segments += mark(marks[step.id], env: env)
        return StyledLine(segments)
    }

    /// The citizen's words bold in quotes; anyone else's plain, with who wrote them.
    static func quoted(_ words: Words, env: UIEnvironment) -> [(String, Style)] {
        // Quotation marks as the language writes them: “…” in English and Danish, ”…” in Swedish, „…“ in German.
        if words.author == .citizen { return [(env.strings("summary.quoted", ["text": words.text]), .bold)] }
        return [(words.text, .plain), ("  (" + env.strings("author.\(words.author.rawValue)") + ")", .muted)]
    }

    private static func mark(_ mark: PlanChanges.Mark?, env: UIEnvironment) -> [(String, Style)] {
        switch mark {
        case .new?: return [("  ★ " + env.strings("mark.new"), Style(bold: true, role: .accent))]
        case .changed?: return [("  ✎ " + env.strings("mark.changed"), Style(bold: true, role: .accent))]
        case nil: return []
        }
    }

    /// "turned down 30 Nov: “not now”": a suggestion the citizen turned down, with the reason.
    static func turnedDown(_ reason: Words, env: UIEnvironment) -> String {
        env.strings("plan.turnedDown", ["date": env.strings.shortDate(Day(reason.at, timeZone: env.timeZone)), "reason": reason.text])
    }
}
