import Foundation
import StepwiseCore
import StepwiseUI

extension App {
    /// Starts making the report for the report screen on another thread (it reads every
    /// participant file) and gives back nothing at once: the screen says the report is being
    /// made, keys stay live, and `takeReport` shows it when it is there. A report still being
    /// made for an earlier query is stopped.
    func startReport(_ query: ReportQuery) -> [EffectResult] {
        reportJob?.stop()
        let job = ReportJob()
        reportJob = job
        let (store, env, today) = (store, env, state.today)
        Thread.detachNewThread {
            let report = Report.make(
                store: store, query: query, indicators: env.indicators, strings: env.strings, today: today,
                stop: { job.isStopped })
            job.deliver(report)
        }
        return []
    }

    /// Shows the report made by `startReport` once it is there; true when it was (draw
    /// again). A report made while the screen was left is stopped or dropped. Blocks until it
    /// is there when `wait` is true (tests).
    @discardableResult
    public func takeReport(wait: Bool = false) -> Bool {
        guard let job = reportJob else { return false }
        guard state.report != nil else {
            job.stop()
            reportJob = nil
            return false
        }
        guard let made = job.take(wait: wait) else { return false }
        reportJob = nil
        guard let report = made else { return false }
        run([], then: [.reportMade(report)])
        return true
    }
}

/// A report being made on another thread for the report screen, handed to the main thread;
/// `stop` ends the reading early (the screen was left, or asks for another period).
final class ReportJob: @unchecked Sendable {
    private let condition = NSCondition()
    /// Nil while being made; then the report, or nil inside when it was stopped.
    private var result: Report??
    private var stopped = false

    var isStopped: Bool { condition.withLock { stopped } }

    func stop() { condition.withLock { stopped = true } }

    func deliver(_ report: Report?) {
        condition.withLock {
            result = .some(report)
            condition.broadcast()
        }
    }

    /// The result (a report, or nil inside when stopped), or nil when it is not there yet
    /// (with `wait`, waits for it).
    func take(wait: Bool) -> Report?? {
        condition.lock()
        defer { condition.unlock() }
        while wait && result == nil { condition.wait() }
        return result
    }
}
