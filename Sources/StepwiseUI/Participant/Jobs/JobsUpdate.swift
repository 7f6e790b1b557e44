import StepwiseCore

/// The keys of the jobs tab.
enum JobsUpdate {
    /// Handles `action` on the jobs tab; nil when it is not the tab's own.
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        switch action {
        case .approve?:
            // The citizen's own approval, in their name, of the agreement as it stands.
            return PlanUpdate.commit(&state, env: env, as: .citizen) { p, editor in
                guard let agreement = p.jobSearch.agreement, !agreement.isApproved else { return nil }
                p.approveJobSearchAgreement(on: editor.today, stamp: Stamp(by: p.name, at: editor.now))
                return PlanChange(.jobSearch, agreement.titles, detail: "approve")
            }
        default:
            return nil
        }
    }
}
