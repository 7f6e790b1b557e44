import Foundation
import StepwiseCore
import StepwiseUI

extension App {
    /// Links the plan step a booking was made for in the participant's file, when the booking
    /// was made after the record was closed (it waited for the offer's lock, held elsewhere):
    /// under the record's edit lock (kept by this terminal until its kept saves are made, else
    /// taken now and given back), as a save from the screen would make it: a new plan
    /// version by the coach, its history line and its audit line. Gives what was done, or
    /// `.stepNotLinked` with the reason when the step cannot be linked; nothing when `step`
    /// is not a step or `results` hold no booking.
    func linkInFile(_ step: PlanRow?, of id: String, after results: [EffectResult]) -> [EffectResult] {
        guard case .step(let goal, let stepID)? = step,
            let offer = results.lazy.compactMap({ result -> Offer? in
                guard case .bookingChanged(let change, _, _) = result else { return nil }
                return change.offer
            }).first
        else { return [] }
        let listed = state.caseload.firstIndex(ofID: id).flatMap { index -> String? in
            guard case .participant(let entry) = state.caseload[index] else { return nil }
            return entry.name
        }
        let notLinked = { (name: String?, why: StepNotLinked) in
            [EffectResult.stepNotLinked(name: name ?? listed ?? id, offer: offer.title, why: why)]
        }
        // Taken again even when kept: it is this terminal's still only if its file says so.
        var taken: RecordLock?
        do {
            switch try store.lockParticipant(id, as: identity) {
            case .acquired(let lock): taken = pending.holdsLock(of: id) ? nil : lock
            case .heldBy(let holder): return notLinked(nil, .heldBy(holder.identity.coach))
            }
        } catch {
            return notLinked(nil, .failed(env.strings.problemText(error)))
        }
        defer { taken?.release() }
        var participant: Participant
        do {
            participant = try store.loadParticipant(id)
        } catch {
            return notLinked(nil, .failed(env.strings.problemText(error)))
        }
        let now = state.now
        let editor = PlanEditor(author: .coach, name: identity.coach, now: now, today: state.today, coach: identity.coach)
        guard let change = editor.linkStep(stepID, in: goal, to: offer.id, in: &participant.plan) else {
            return notLinked(participant.name, .stepGone)
        }
        participant.plan.version += 1
        participant.updated = Stamp(by: identity.coach, at: now)
        let version = PlanVersion(
            version: participant.plan.version, stamp: Stamp(by: identity.coach, at: now), author: .coach,
            coach: identity.coach, change: change, plan: participant.plan)
        // A lock met while saving ends this try: the booking is made and is not made again.
        return save(participant, version: version, audit: .changed).map { result in
            guard case .waitingForLock(let holder) = result else { return result }
            return .stepNotLinked(name: participant.name, offer: offer.title, why: .locked(holder))
        }
    }
}
