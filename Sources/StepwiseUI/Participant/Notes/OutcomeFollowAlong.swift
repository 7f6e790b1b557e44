import StepwiseCore

/// The outcome form, and what follows a saved outcome that ends the course with a job or an
/// education: the question whether to agree on follow-along support, asked at once. A yes
/// goes to the jobs tab and takes its own follow-along action (`JobsUpdate`, `F`), whose form
/// is filled in from the outcome.
enum OutcomeFollowAlong {
    /// Saves the outcome form like the other coaching forms; when the outcome saved says a
    /// job or an education started and no follow-along support is agreed yet, asks about it.
    static func submit(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        let effects = CoachingForms.submit(&form, state: state, env: env).map { PlanUpdate.commit(&state, env: env, $0) } ?? []
        guard !effects.isEmpty, let p = state.open?.participant, p.followAlong == nil, let kind = p.outcome?.kind,
            kind == .job || kind == .education, let started = p.startedJobOrEducation
        else { return effects }
        state.confirm = Confirm(purpose: .startFollowAlong, question: question(started, strings: env.strings))
        return effects
    }

    /// "A job started on 4 Jan. Agree on follow-along support?": asked here, and shown on the
    /// jobs tab until support is agreed.
    static func question(_ started: (reason: FollowAlong.Reason, day: Day, text: String), strings: Localizer) -> String {
        strings("follow.offer.\(started.reason.rawValue)", ["date": strings.shortDate(started.day)])
    }

    /// The yes: the jobs tab, with its follow-along form open.
    static func confirmed(state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var open = state.open else { return [] }
        if open.tab != .jobs {
            open.tab = .jobs
            open.scroll = 0
            state.open = open
        }
        return JobsUpdate.handle(.followAlong, state: &state, env: env) ?? []
    }
}
