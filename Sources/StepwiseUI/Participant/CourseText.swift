import StepwiseCore

/// How the course frame reads on screen: "week 7/26", "next conversation 2: Mon 28 Dec".
enum CourseText {
    /// "week 7/26", "starts in 5 days" or "ended".
    static func position(start: Day, today: Day, strings: Localizer) -> String {
        switch CourseFrame.position(start: start, today: today) {
        case .notStarted(let days): return strings("course.startsIn", count: days)
        case .week(let week): return strings("course.week", ["n": String(week), "of": String(CourseFrame.weeks)])
        case .ended: return strings("course.ended")
        }
    }

    /// "2 · Mon 28 Dec 2026" (or the form of `key`), and whether its day has passed.
    static func conversation(
        _ conversation: Conversation, today: Day, strings: Localizer,
        key: String = "conversation.next", year: Bool = true
    ) -> (text: String, overdue: Bool) {
        let text = strings(
            key,
            [
                "n": String(conversation.number),
                "date": strings.dayWithWeekday(conversation.planned, year: year),
            ])
        return (text, CourseFrame.isOverdue(conversation, today: today))
    }

    /// The conversation as `conversation` gives it, for a room of `width` cells, and its " ⚠ overdue" warning when its day has passed. The warning
    /// is never cut: an overdue date is a recent one, so it gives up its year first, then its weekday
    /// ("2 · Fr., 27. Nov. 2026", "2 · Fr., 27. Nov.", "2 · 27. Nov.").
    static func conversation(
        _ conversation: Conversation, today: Day, strings: Localizer, key: String = "conversation.next", width: Int
    ) -> (text: String, warning: String?) {
        let full = self.conversation(conversation, today: today, strings: strings, key: key)
        guard full.overdue else { return (full.text, nil) }
        let warning = " ⚠ " + strings("conversation.overdue")
        let day = conversation.planned
        let dates = [strings.dayWithWeekday(day), strings.dayWithWeekday(day, year: false), strings.formats.dayMonth(day)]
        let texts = dates.map { strings(key, ["n": String(conversation.number), "date": $0]) }
        return (Chrome.fitting(texts, width: width - DisplayWidth.of(warning)), warning)
    }
}
