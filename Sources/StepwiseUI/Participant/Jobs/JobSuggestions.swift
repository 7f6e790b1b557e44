import StepwiseCore

/// The fields of the form that suggests a board job to the citizen.
enum SuggestJobField: String, FormFieldName { case job }

/// Suggesting a job from the organisation's job board on the jobs tab (`b`): the coach picks
/// one of the open jobs (expired and filled jobs, and jobs already among the citizen's
/// applications, are not offered), and the citizen decides whether to take it into their
/// applications (a yes in their name). The suggestion is noted in the audit log.
enum JobSuggestions {
    /// `b` on the jobs tab reads the board afresh to offer its open jobs; nil for other keys.
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard action == .suggestJob else { return nil }
        guard let open = state.open, !open.isReadOnly else { return [] }
        return [.loadBoard(then: .suggest)]
    }

    /// The jobs that may be suggested to `participant` on `today`, in deadline order.
    static func candidates(_ jobs: [BoardJob], for participant: Participant, today: Day) -> [BoardJob] {
        let taken = Set(participant.jobSearch.applications.compactMap(\.boardJobId))
        return JobBoard.sorted(jobs).filter { $0.isOpen(on: today) && !taken.contains($0.id) }
    }

    /// Shows the suggestion form with the open jobs, or says there are none.
    static func offer(state: inout AppState, env: UIEnvironment) {
        guard let participant = state.open?.participant else { return }
        let s = env.strings
        let jobs = candidates(state.jobs, for: participant, today: state.today)
        guard !jobs.isEmpty else {
            state.message = Message(s("board.noOpenJobs"))
            return
        }
        state.form = Form(purpose: .suggestJob, title: "form.suggestJob.title", SuggestJobField.self) { _ in
            var field = Form.Field(label: "field.boardJob", choices: jobs.map(\.id), prefix: "", selected: nil)
            field.choiceLabels = jobs.map { job in
                job.title + " · " + job.employer + (job.deadline.map { " · " + s("board.until", ["date": s.numericDate($0)]) } ?? "")
            }
            return field
        }
    }

    /// The coach suggested the chosen job: the citizen is asked whether to take it.
    static func submit(_ form: Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let participant = state.open?.participant, let job = state.jobs.first(where: { $0.id == form[SuggestJobField.job] })
        else { return [] }
        state.confirm = Confirm(
            purpose: .takeBoardJob(job.id),
            question: env.strings("confirm.takeBoardJob", ["name": participant.name, "title": job.title, "employer": job.employer]))
        return [.jobSuggested(participant: participant.id)]
    }

    /// The citizen's yes: the board is read afresh, then `take` adds the job.
    static func confirmed(_ jobID: String) -> [Effect] { [.loadBoard(then: .take(jobID))] }

    /// The job becomes one of the citizen's applications, linked to the board job (as applied
    /// for on the day they take it). A job that was filled or expired meanwhile (in `state.jobs`
    /// as just read) is not taken.
    static func take(_ jobID: String, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let job = state.jobs.first(where: { $0.id == jobID }), job.isOpen(on: state.today) else {
            state.message = Message(env.strings("board.noLongerOpen"))
            return []
        }
        return PlanUpdate.commit(&state, env: env, as: .citizen) { p, editor in
            guard !p.jobSearch.applications.contains(where: { $0.boardJobId == jobID }) else { return nil }
            p.jobSearch.applications.append(
                JobApplication(
                    id: editor.makeID("a"), employer: job.employer, jobTitle: job.title, day: editor.today, method: .advertised,
                    stamp: Stamp(by: editor.name, at: editor.now), boardJobId: job.id))
            return PlanChange(.jobSearch, job.title, detail: "board")
        }
    }
}
