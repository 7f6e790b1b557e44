import Foundation
import StepwiseCore

/// `stepwise-bench report --data DIR --resources DIR`: the organisation report as the report
/// screen and `stepwise report` make it (`Report.make`, every participant file read once),
/// timed in process, with the resident memory sampled as the files go by (every 500 files),
/// so that memory that grows with the number of participants shows as the difference
/// between the first tenth and the end. Prints one JSON object: `ms` (wall time of the
/// whole report), `participants` (counted), `rssStartMB` (before), `rssFirstTenthMB`,
/// `rssEndMB`, `rssGrowthMB` (end less first tenth) and `peakMB` (VmHWM of the process).
func reportBench(root: URL, resources: URL) throws {
    let store = DataStore(root: root)
    let strings = try Localizer.load(language: "en", resources: resources)
    let indicators = try IndicatorSet.load(resources: resources)
    let today = Day.today
    let query = ReportQuery.lastTwelveMonths(today: today)
    let start = residentMB("VmRSS")
    let sample = FirstTenth()
    var report: Report?
    let ms = Clock.ms {
        report = Report.make(
            store: store, query: query, indicators: indicators, strings: strings, today: today,
            progress: { done, total in sample.note(done: done, of: total) })
    }
    let firstTenth = sample.value
    let end = residentMB("VmRSS")
    let counted = report?.tables.first { $0.id == "participants" }?.rows.first { $0.id == "counted" }?.cells.first
    var participants = 0
    if case .count(let n)? = counted { participants = n }
    emit([
        "ms": ms, "participants": participants, "unreadable": report?.unreadable ?? 0, "rssStartMB": start,
        "rssFirstTenthMB": firstTenth ?? end, "rssEndMB": end, "rssGrowthMB": end - (firstTenth ?? end),
        "peakMB": residentMB("VmHWM"),
    ])
}

/// A memory figure of this process from /proc/self/status (e.g. VmRSS, VmHWM), in MB.
func residentMB(_ field: String) -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kilobytes / 1024
}

/// The resident memory when a tenth of the files were read (progress comes one call at a
/// time, from the report's reading threads).
private final class FirstTenth: @unchecked Sendable {
    private let lock = NSLock()
    private var sampled: Double?

    var value: Double? { lock.withLock { sampled } }

    func note(done: Int, of total: Int) {
        lock.withLock {
            if sampled == nil, done >= total / 10, done > 0 { sampled = residentMB("VmRSS") }
        }
    }
}
