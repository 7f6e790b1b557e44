import Foundation
import StepwiseCore
import StepwiseUI

extension App {
    /// Carries out the job board's effects: reading the board with its application counts,
    /// and saving jobs under their locks (`JobBoard`); each change is noted in the audit log.
    func performBoard(_ effect: Effect) -> [EffectResult] {
        let board = JobBoard(store: store, identity: identity, clock: { [now = state.now] in now })
        switch effect {
        case .loadBoard(let then):
            return [loaded(then: then)]
        case .saveJob(let job, let isNew):
            return change(isNew ? .jobPosted : .jobChanged, isNew: isNew) { try board.save(job) }
        case .markJobFilled(let id):
            return change(.jobChanged, isNew: false) { try board.markFilled(id) }
        case .jobSuggested(let participant):
            return audit(.jobSuggested, participant)
        default:
            return []
        }
    }

    /// The board as on disk, with the counts of applications that link to each job.
    private func loaded(then: BoardFollowUp?) -> EffectResult {
        .boardLoaded(store.loadJobs().jobs, counts: JobBoard.applicationCounts(in: store), then: then)
    }

    /// Makes a board change: the audit note, the board read afresh and the job as written, or
    /// the board as it is and why the change failed.
    private func change(_ action: AuditAction, isNew: Bool, _ body: () throws -> BoardJob) -> [EffectResult] {
        do {
            let job = try body()
            return audit(action, nil) + [loaded(then: nil), .jobSaved(job, isNew: isNew)]
        } catch {
            return [loaded(then: nil), .failed(.save(reason: "\(error)"))]
        }
    }
}
