import Foundation
import StepwiseCore

/// `stepwise report`: how the organisation (or one coach, one offer kind, one language, one
/// cohort) is doing, as counts and statistics only.
extension Command {
    static let report = Command(
        "report", summary: "organisation figures: participants, results, step movement, offers",
        options: [
            Option("--from", value: "DAY", "first day of the period"),
            Option("--to", value: "DAY", "last day of the period"),
            Option("--coach", value: "NAME", "only this coach's participants"),
            Option("--kind", value: "KIND", completes: .words, "only participants with a seat in an offer of this kind"),
            Option("--language", value: "CODE", completes: .language, "only participants with this language"),
            Option("--cohort", value: "FROM..TO", "only courses that started in this range"),
            Option("--indicators", value: "N", "N in 'moved up on at least N indicators'"),
            Option("--format", value: "text|markdown|html|csv|json", completes: .words, "the format (default text)"),
            Option("--output", value: "FILE", completes: .file, "write to FILE (mode 0600) instead of standard output"),
        ],
        action: .run { $0.report() })
}

extension Commands {
    func report() -> Int32 {
        let values = options.values
        guard let format = Report.Format(rawValue: values["--format"] ?? "text") else {
            return usage(text("report.formatValues"))
        }
        let today = Day.today
        // --lang is the document's; else the screens' setting (STEPWISE_LANG, stepwise.conf), then the locale.
        let language = Localizer.chooseLanguage(
            option: options.language ?? settings.language, environment: environment,
            available: Localizer.available(resources: resources))
        let strings: Localizer
        do { strings = try Localizer.load(language: language, resources: resources) } catch {
            return usage(noStrings(for: language, available: Localizer.available(resources: resources)))
        }
        let dates = DateParser(localizer: strings, english: (try? Localizer.load(language: "en", resources: resources)) ?? strings)
        func day(_ option: String) -> Day?? {
            guard let typed = values[option] else { return .some(nil) }
            guard let parsed = dates.parse(typed, today: today) else { return nil }
            return .some(parsed)
        }
        guard let from = day("--from"), let to = day("--to") else { return usage(text("report.dayValues")) }
        var query = ReportQuery.lastTwelveMonths(today: to ?? today)
        if let from { query.from = from }
        if let to { query.to = to }
        guard query.from <= query.to else { return usage(text("report.fromAfterTo")) }
        query.coach = values["--coach"]
        query.offerKind = values["--kind"]
        query.language = values["--language"]
        if let cohort = values["--cohort"] {
            let ends = cohort.components(separatedBy: "..")
            guard ends.count == 2, let first = dates.parse(ends[0], today: today), let last = dates.parse(ends[1], today: today),
                first <= last
            else { return usage(text("report.cohortValues")) }
            query.cohort = first...last
        }
        if let minimum = values["--indicators"] {
            guard let n = Int(minimum), n >= 1 else { return usage(text("report.indicatorsValues")) }
            query.minimumIndicators = n
        }
        guard requireDataFolder() else { return 1 }
        guard let indicators = loadIndicators() else { return 1 }
        let progress = ReportProgress()
        let made = Report.make(
            store: store, query: query, indicators: indicators, strings: strings, today: today,
            progress: { progress.show(done: $0, of: $1) })
        progress.finish()
        // Made without a stop, a report always comes back.
        guard let report = made else { return 1 }
        let kind: CLIOutput.Format = format == .json ? .json : format == .csv ? .data : .text()
        guard emit(Data(report.written(as: format, strings: strings).utf8), kind) != nil else { return 1 }
        return 0
    }
}

/// A progress bar on standard error for a report that has run more than a second, when
/// standard error is a terminal (never in a log).
final class ReportProgress: @unchecked Sendable {
    private let started = Date()
    private let toTerminal = isatty(STDERR_FILENO) == 1
    private var shown = false

    func show(done: Int, of total: Int) {
        guard toTerminal, total > 0, Date().timeIntervalSince(started) > 1 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
