import Foundation
import StepwiseCore

/// The field of the form that picks a printer.
enum PrinterField: String, FormFieldName { case printer }
/// The field of the form that names the calendar file.
enum CalendarField: String, FormFieldName { case file }

/// The summary tab: the plan summary exactly as it prints, page by page, in the citizen's
/// language; `p` prints it, `P` asks which printer, `c` saves the calendar.
enum SummaryTab {
    /// The page size of the printed summary (A4 plain text).
    static let pageWidth = 72
    static let pageHeight = 60

    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open, open.tab == .summary else { return nil }
        let page = max(1, state.height - 8)
        let pages = open.summaryPages ?? []
        let lines = pages.reduce(0) { $0 + $1.count } + max(0, pages.count - 1)
        let last = max(0, lines - max(1, state.height - ParticipantView.top - 2))
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            open.scroll = ListCursor(open.scroll, count: last + 1, page: page).moved(by: action)
        case .print?: return [printJob(open.participant, printer: nil, state: state, env: env)]
        case .printTo?: return [.choosePrinter]
        case .calendarFile?:
            let home = env.home
            state.form = Form(purpose: .calendar, title: "form.calendar.title", CalendarField.self) { name in
                switch name {
                case .file: Form.Field(label: "field.file", input: TextField(home + "/stepwise-" + open.participant.id + ".ics", maxLength: 500),
                                       hint: "field.file.hint")
                }
            }
            return []
        default: return nil
        }
        state.open = open
        return []
    }

    /// The form that picks a printer among those CUPS offers.
    static func printerForm(_ printers: [String]) -> Form {
        Form(purpose: .printer, title: "form.printer.title", PrinterField.self) { name in
            switch name {
            case .printer: Form.Field(label: "field.printer", choices: printers, prefix: "", selected: nil)
            }
        }
    }

    /// Prints the open participant's summary on the printer chosen in the form.
    static func submitPrinter(_ form: Form, state: AppState, env: UIEnvironment) -> [Effect] {
        guard let participant = state.open?.participant else { return [] }
        return [printJob(participant, printer: form[PrinterField.printer], state: state, env: env)]
    }

    /// Saves the open participant's dates as a calendar file at the path typed (`~/` is the
    /// home folder).
    static func submitCalendar(_ form: Form, state: AppState, env: UIEnvironment) -> [Effect] {
        guard let participant = state.open?.participant else { return [] }
        let typed = form[CalendarField.file]
        let path = typed.hasPrefix("~/") ? env.home + typed.dropFirst() : typed
        return [.saveCalendar(participant, offers: state.offers, path: path)]
    }

    /// The pages one after the other, scrolled; a rule marks where a new sheet begins.
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        guard let pages = open.summaryPages else { return }
        var lines: [StyledLine] = []
        for (index, page) in pages.enumerated() {
            if index > 0 { lines.append(StyledLine(String(repeating: "┄", count: pageWidth), .muted)) }
            lines += page.map { StyledLine($0) }
        }
        let rows = max(0, buffer.height - ParticipantView.top - 2)
        let first = min(open.scroll, max(0, lines.count - rows))
        let x = max(1, (buffer.width - pageWidth) / 2)
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            line.draw(into: &buffer, x: x, y: ParticipantView.top + offset, width: buffer.width - x)
        }
        let position = env.strings("summary.position", ["from": String(first + 1), "to": String(min(lines.count, first + rows)),
                                                        "of": String(lines.count), "pages": String(pages.count)])
        buffer.put(position, x: max(0, buffer.width - DisplayWidth.of(position) - 1), y: 4, style: .muted)
    }

    /// The summary of the open participant, in their language.
    static func pages(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> [[String]] {
        summary(open.participant, state: state, env: env).pages(pageWidth: pageWidth, pageHeight: pageHeight)
    }

    /// Makes the summary pages when the summary tab is shown and the record, the catalogue or
    /// the day has changed since they were made (derived state, kept with the open record).
    static func refresh(_ state: inout AppState, env: UIEnvironment) {
        guard let open = state.open, open.tab == .summary else { return }
        let source = SummarySource(participant: open.participant, offers: state.offers, today: state.today)
        guard source != open.summarySource || open.summaryPages == nil else { return }
        let made = pages(open, state: state, env: env)
        state.open?.summarySource = source
        state.open?.summaryPages = made
    }

    /// The print effect for a participant's summary as it prints now.
    static func printJob(_ participant: Participant, printer: String?, state: AppState, env: UIEnvironment) -> Effect {
        let document = summary(participant, state: state, env: env)
        return .print(PrintJob(participant: participant.id, text: document.printable(pageWidth: pageWidth, pageHeight: pageHeight),
                               pages: document.pages(pageWidth: pageWidth, pageHeight: pageHeight).count, printer: printer))
    }

    static func summary(_ participant: Participant, state: AppState, env: UIEnvironment) -> Summary {
        Summary(participant: participant, offers: state.offers, indicators: env.indicators,
                strings: env.table(for: participant.language), today: state.today, coach: state.coach)
    }
}
