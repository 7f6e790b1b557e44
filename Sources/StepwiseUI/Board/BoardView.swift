import StepwiseCore

/// The job board screen for the coach: the jobs in deadline order with their status and how
/// many applications link to each (a count, never who), and the selected job's details.
enum BoardView {
    /// Rows of the details shown under the list, at the least: they take more when the job's
    /// details need them, as long as the list keeps `listRows` rows.
    static let detailRows = 6
    /// Rows the list keeps, at the least, when a job's details are long.
    static let listRows = 6

    static func render(_ board: BoardState, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        let s = env.strings
        let jobs = board.list(state.jobs, today: state.today)
        Chrome.titleBar(
            &buffer, y: 0, left: "Stepwise · " + s("board.title"),
            right: ShownCount.text("board", shown: jobs.count, of: state.jobs.count, strings: s))
        var showing = s(board.status.map { "board.status.\($0.rawValue)" } ?? "board.all")
        if !board.query.isEmpty { showing += " · " + s("summary.quoted", ["text": board.query]) }
        var lines: [(line: StyledLine, selected: Bool)] = [
            (StyledLine([(s("offers.showing") + " ", .muted), (showing, .bold)]), false)
        ]
        let width = buffer.width - 2
        for (index, job) in jobs.enumerated() {
            lines.append(
                (row(job, count: state.jobCounts[job.id] ?? 0, today: state.today, width: width, env: env), index == board.selection))
        }
        if jobs.isEmpty { lines.append((StyledLine("  " + s(state.jobs.isEmpty ? "board.empty" : "board.noMatch"), .muted), false)) }
        let detail = jobs.indices.contains(board.selection) ? details(jobs[board.selection], env: env, width: width) : []
        // The details take the rows they need, up to what leaves the list its rows; beyond
        // that, a mark says how many lines are not shown.
        let detailHeight = max(detailRows, min(detail.count, buffer.height - 5 - listRows))
        let bottom = buffer.height - 3 - detailHeight
        ListDrawing.draw(
            lines, top: 2, bottom: bottom, strings: env.strings,
            entries: ListEntries(key: "board.scroll", starts: Array(jobs.indices.map { $0 + 1 })), into: &buffer)
        ScrollWindow(count: detail.count, height: detailHeight, first: 0).draw(
            detail, x: 1, top: bottom + 1, width: width, strings: s, into: &buffer)
    }

    /// `18.12.2026  Lagermedarbejder · Brdr. Hansen, Vejle      open   3 applications`
    static func row(_ job: BoardJob, count: Int, today: Day, width: Int, env: UIEnvironment) -> StyledLine {
        let s = env.strings
        let status = job.status(on: today)
        let deadline = DisplayWidth.pad(job.deadline.map { s.numericDate($0) } ?? "–", to: 12)
        // The status column is as wide as this language's longest status word, two spaces
        // apart from the title and the count.
        let statusWidth = (BoardJob.Status.allCases.map { DisplayWidth.of(s("board.status.\($0.rawValue)")) }.max() ?? 0) + 2
        let statusText = DisplayWidth.pad(s("board.status.\(status.rawValue)"), to: statusWidth)
        let counted = s("board.applications", count: count)
        // The count ends the row and has the room of "12 applications" in any language.
        let titleWidth = max(10, width - 12 - statusWidth - 17)
        let what = heading(job)
        let style: Style = status == .open ? .plain : .muted
        return StyledLine([
            (" " + deadline, style), (DisplayWidth.pad(DisplayWidth.truncate(what, to: titleWidth), to: titleWidth) + "  ", style),
            (statusText, status == .open ? .bold : .muted), (counted, style),
        ])
    }

    /// "Lagermedarbejder · Brdr. Hansen, Vejle": the job's title, employer and place.
    static func heading(_ job: BoardJob) -> String {
        job.title + " · " + job.employer + (job.place.isEmpty ? "" : ", " + job.place)
    }

    /// The selected job under a rule: its title, employer and place in full, then hours, how
    /// to apply, the contact, the language (by its name), who posted it and when (empty fields
    /// are left out); each wrapped at word boundaries to `width`.
    static func details(_ job: BoardJob, env: UIEnvironment, width: Int) -> [StyledLine] {
        let s = env.strings
        func line(_ key: String, _ value: String) -> [StyledLine] {
            guard !value.isEmpty else { return [] }
            return StyledLine([(s(key) + ": ", .muted), (value.replacingOccurrences(of: "\n", with: " "), .plain)])
                .wrapped(width: width, indent: 2)
        }
        return [StyledLine(String(repeating: "─", count: width), .muted)]
            + StyledLine(heading(job), .bold).wrapped(width: width, indent: 2)
            + line("board.hours", job.hours)
            + line("board.howToApply", job.howToApply)
            + line("board.contact", job.contact)
            + line("field.language", job.language.isEmpty ? "" : s.languageName(job.language))
            + line(
                "board.posted",
                s("board.postedBy", ["name": job.posted.by, "date": s.numericDate(Day(job.posted.at, timeZone: env.timeZone))]))
    }
}
