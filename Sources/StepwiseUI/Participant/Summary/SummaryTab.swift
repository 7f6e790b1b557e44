import Foundation
import StepwiseCore

/// The field of the form that picks a printer.
enum PrinterField: String, FormFieldName { case printer }
/// The field of the form that names the calendar file.
enum CalendarField: String, FormFieldName { case file }

/// The summary tab: the plan summary page by page, in the citizen's language; `p` prints it
/// as a PDF, `P` asks which printer, `f` saves the PDF to a file, `c` saves the calendar.
enum SummaryTab {
    /// The width of the preview and of the plain-text pages, in columns.
    static let pageWidth = 76
    static let pageHeight = 60

    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open, open.tab == .summary else { return nil }
        if CatalogueReading.holds(action, among: CatalogueReading.summaryKeys, state: &state, env: env) { return [] }
        let page = max(1, state.height - 8)
        let last = max(0, lineCount(open.summaryPages ?? []) - max(1, state.height - ParticipantView.top - 2))
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            open.scroll = ListCursor(open.scroll, count: last + 1, page: page).moved(by: action)
        case .print?: return printJob(open.participant, printer: nil, state: &state, env: env)
        case .printTo?: return [.choosePrinter]
        case .calendarFile?:
            state.form = fileForm(title: calendarTitle, hint: "field.file.hint", file: "stepwise-" + open.participant.id + ".ics", env: env)
            return []
        case .savePDF?:
            state.form = fileForm(title: pdfTitle, hint: "field.pdfFile.hint", file: "stepwise-" + open.participant.id + ".pdf", env: env)
            return []
        default: return nil
        }
        state.open = open
        return []
    }

    private static let calendarTitle = "form.calendar.title"
    private static let pdfTitle = "form.pdf.title"

    /// A form asking where to save a file, first offering `file` in the home folder, with the
    /// field's `hint` (a string key) naming the kind of file. Saving the calendar and the PDF
    /// share the file form's purpose and are told apart by `title`.
    private static func fileForm(title: String, hint: String, file: String, env: UIEnvironment) -> Form {
        Form(purpose: .calendar, title: title, CalendarField.self) { name in
            switch name {
            case .file: Form.Field(label: "field.file", input: TextField(env.home + "/" + file, maxLength: 500), hint: hint)
            }
        }
    }

    /// `message` followed, when characters were printed by name, by which ones.
    static func done(_ message: String, standIns: [String], env: UIEnvironment) -> String {
        guard !standIns.isEmpty else { return message }
        return message + " " + env.strings("print.standIns", ["characters": standIns.joined(separator: " ")])
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
    static func submitPrinter(_ form: Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let participant = state.open?.participant else { return [] }
        return printJob(participant, printer: form[PrinterField.printer], state: &state, env: env)
    }

    /// Saves the open participant's dates as a calendar file, or the summary as a PDF, at the
    /// path typed (`~/` is the home folder).
    static func submitFile(_ form: Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let participant = state.open?.participant else { return [] }
        let typed = form[CalendarField.file]
        let path = typed.hasPrefix("~/") ? env.home + typed.dropFirst() : typed
        guard form.title == pdfTitle else { return [.saveCalendar(participant, offers: state.offers, path: path)] }
        return pdf(participant, state: &state, env: env).map { [.savePDF($0, path: path)] } ?? []
    }

    /// The pages one after the other, scrolled; a rule marks where a new sheet begins.
    static func render(_ open: OpenParticipant, state: AppState, env: UIEnvironment, into buffer: inout ScreenBuffer) {
        guard !state.catalogueReading else {
            return CatalogueReading.line(env: env).draw(into: &buffer, x: 1, y: ParticipantView.top, width: buffer.width - 2)
        }
        guard let pages = open.summaryPages else { return }
        let count = lineCount(pages)
        let rows = max(0, buffer.height - ParticipantView.top - 2)
        let first = min(open.scroll, max(0, count - rows))
        let x = max(1, (buffer.width - pageWidth) / 2)
        for (offset, line) in lines(pages, from: first, count: rows).enumerated() {
            line.draw(into: &buffer, x: x, y: ParticipantView.top + offset, width: buffer.width - x)
        }
        let position = env.strings(
            "summary.position", count: pages.count,
            [
                "from": String(first + 1), "to": String(min(count, first + rows)),
                "of": String(count), "pages": String(pages.count),
            ])
        buffer.put(position, x: max(0, buffer.width - DisplayWidth.of(position) - 1), y: 4, style: .muted)
    }

    /// How many lines `pages` take one after the other, with a rule where a new sheet begins.
    static func lineCount(_ pages: [[String]]) -> Int { pages.reduce(0) { $0 + $1.count } + max(0, pages.count - 1) }

    /// Up to `count` of those lines from line `first`: only the pages they are on are made
    /// into lines, so that scrolling a summary of hundreds of pages costs what one page does.
    static func lines(_ pages: [[String]], from first: Int, count: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var start = 0
        for (index, page) in pages.enumerated() where lines.count < count {
            let rule = index > 0 ? 1 : 0
            defer { start += rule + page.count }
            guard start + rule + page.count > first else { continue }
            let sheet = (rule > 0 ? [StyledLine(String(repeating: "┄", count: pageWidth), .muted)] : []) + page.map { StyledLine($0) }
            lines += sheet.dropFirst(max(0, first - start))
        }
        return Array(lines.prefix(count))
    }

    /// The summary of the open participant, in their language: the PDF's pages as text, or,
    /// when there are no fonts to set it in, the plain-text pages.
    static func pages(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> [[String]] {
        let summary = summary(open.participant, state: state, env: env)
        guard let fonts = env.fonts else { return summary.pages(pageWidth: pageWidth, pageHeight: pageHeight) }
        return summary.preview(fonts: fonts, columns: pageWidth)
    }

    /// Makes the summary pages when the summary tab is shown and the record, the catalogue or
    /// the day has changed since they were made (derived state, kept with the open record).
    /// A key that changed none of them costs two comparisons of revision counters; after a
    /// change of a counter the record and the catalogue are compared once (a catalogue read
    /// afresh is usually the same), not at every key.
    static func refresh(_ state: inout AppState, env: UIEnvironment) {
        // The summary lists the citizen's offers: it is made once the whole catalogue is read.
        guard let open = state.open, open.tab == .summary, !state.catalogueReading else { return }
        let source = SummarySource(
            participant: open.participant, offers: state.offers, today: state.today, revision: open.revision,
            offersRevision: state.offersRevision)
        if let made = open.summarySource, open.summaryPages != nil, made.today == source.today {
            if made.revision == source.revision && made.offersRevision == source.offersRevision { return }
            if made.participant == source.participant && made.offers == source.offers {
                state.open?.summarySource = source
                return
            }
        }
        let made = pages(open, state: state, env: env)
        state.open?.summarySource = source
        state.open?.summaryPages = made
    }

    /// The print effect for a participant's summary as it prints now; none, with a message,
    /// when it cannot be typeset.
    static func printJob(_ participant: Participant, printer: String?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        pdf(participant, state: &state, env: env).map { [.print(PrintJob(document: $0, printer: printer))] } ?? []
    }

    /// A participant's summary typeset as a PDF; nil, with a message, when the fonts cannot
    /// be read or the PDF cannot be made.
    static func pdf(_ participant: Participant, state: inout AppState, env: UIEnvironment) -> PDFJob? {
        do {
            guard let fonts = env.fonts else { throw SummaryFonts.Failure(path: SummaryFonts.defaultRegular, reason: "it cannot be read") }
            let pdf = try summary(participant, state: state, env: env).pdf(fonts: fonts)
            return PDFJob(participant: participant.id, pdf: pdf.data, pages: pdf.pages, standIns: pdf.standIns)
        } catch {
            state.message = Message(env.strings("print.fontMissing", ["reason": "\(error)"]), kind: .error)
            return nil
        }
    }

    static func summary(_ participant: Participant, state: AppState, env: UIEnvironment) -> Summary {
        Summary(
            participant: participant, offers: state.offers, indicators: env.indicators,
            strings: env.table(for: participant.language), today: state.today, coach: state.coach, letterhead: env.letterhead)
    }
}
