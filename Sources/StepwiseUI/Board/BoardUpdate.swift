import StepwiseCore

/// The keys of the job board screen: move, add and edit a job, mark it filled, filter. It is
/// reached from the caseload (`b`), never while a participant is open.
enum BoardUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var board = state.board else { return [] }
        let s = env.strings
        let jobs = board.list(state.jobs, today: state.today)
        let selected = jobs.indices.contains(board.selection) ? jobs[board.selection] : nil
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            board.selection = ListCursor(board.selection, count: jobs.count, page: max(1, state.height - 12)).moved(by: action)
        case .back?:
            state.board = nil
            return []
        case .addJob?:
            state.form = BoardForms.job(nil, strings: s, languages: env.languages)
        case .editJob?:
            if let selected { state.form = BoardForms.job(selected, strings: s, languages: env.languages) }
        case .jobFilled?:
            guard let selected else { break }
            if selected.status == .filled {
                state.message = Message(s("board.alreadyFilled", ["title": selected.title]))
            } else {
                state.board = board
                return [.markJobFilled(selected.id)]
            }
        case .filter?:
            state.form = BoardForms.filter(board)
        default: break
        }
        state.board = board
        return []
    }

    /// Folds the board's effect results into the state.
    static func apply(_ result: EffectResult, state: inout AppState, env: UIEnvironment) -> [Effect] {
        switch result {
        case .boardLoaded(let jobs, let counts, let then):
            state.jobs = jobs
            state.jobCounts = counts
            if let board = state.board {
                let count = board.list(jobs, today: state.today).count
                state.board?.selection = min(board.selection, max(0, count - 1))
            }
            switch then {
            case .suggest?: JobSuggestions.offer(state: &state, env: env)
            case .take(let id)?: return JobSuggestions.take(id, state: &state, env: env)
            case nil: break
            }
        case .jobSaved(let job, let isNew):
            let key = isNew ? "board.added" : job.status == .filled ? "board.markedFilled" : "board.saved"
            state.message = Message(env.strings(key, ["title": job.title]))
            if let board = state.board, let index = board.list(state.jobs, today: state.today).firstIndex(where: { $0.id == job.id }) {
                state.board?.selection = index
            }
        default: break
        }
        return []
    }
}

/// The fields of the form that adds or changes a board job.
enum JobField: String, FormFieldName { case title, employer, place, hours, deadline, howToApply, contact, language, status }

/// The fields of the board's filter.
enum BoardFilterField: String, FormFieldName { case status, words }

/// The board's forms: a job, field by field, and the filter.
enum BoardForms {
    static func job(_ job: BoardJob?, strings: Localizer, languages: [String]) -> Form {
        let title = job == nil ? "form.addJob.title" : "form.editJob.title"
        return Form(purpose: .editJob(job?.id), title: title, compact: true, JobField.self) { name in
            switch name {
            case .title: return Form.Field(label: "field.jobTitle", input: TextField(job?.title ?? "", maxLength: 200))
            case .employer: return Form.Field(label: "field.boardEmployer", input: TextField(job?.employer ?? "", maxLength: 200))
            case .place: return Form.Field(label: "field.place", input: TextField(job?.place ?? "", maxLength: 300))
            case .hours:
                return Form.Field(label: "field.jobHours", input: TextField(job?.hours ?? "", maxLength: 200), hint: "field.jobHours.hint")
            case .deadline:
                return Form.Field(
                    label: "field.deadline", input: TextField(job?.deadline.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.deadline.hint")
            case .howToApply:
                return Form.Field(label: "field.howToApply", input: TextField(job?.howToApply ?? "", maxLength: 2_000, multiline: true))
            case .contact:
                return Form.Field(
                    label: "field.jobContact", input: TextField(job?.contact ?? "", maxLength: 300), hint: "field.jobContact.hint")
            case .language: return Form.Field(label: "field.language", languages: languages, selected: job?.language ?? strings.language)
            case .status:
                return Form.Field(
                    label: "field.jobStatus", choices: BoardJob.Status.allCases.map(\.rawValue), prefix: "board.status.",
                    selected: job?.status.rawValue)
            }
        }
    }

    /// Checks the job form; marks bad fields, or returns the job to save.
    static func submit(_ form: inout Form, id: String?, state: AppState, env: UIEnvironment) -> [Effect] {
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        let title = read.required(JobField.title)
        let employer = read.required(JobField.employer)
        let deadline = read.date(JobField.deadline, optional: true)
        let existing = id.flatMap { id in state.jobs.first { $0.id == id } }
        let language = read.language(JobField.language, keeping: existing?.language)
        guard read.isValid, let title, let employer, let deadline, let language else { return [] }
        var job = existing ?? BoardJob(id: env.makeID("j"), title: title, employer: employer, posted: Stamp(by: state.coach, at: state.now))
        job.title = title
        job.employer = employer
        job.place = read[JobField.place]
        job.hours = read[JobField.hours]
        job.deadline = deadline
        job.howToApply = read[JobField.howToApply]
        job.contact = read[JobField.contact]
        job.language = language
        job.status = BoardJob.Status(rawValue: read[JobField.status]) ?? .open
        return [.saveJob(job, isNew: existing == nil)]
    }

    static func filter(_ board: BoardState) -> Form {
        Form(purpose: .boardFilter, title: "form.boardFilter.title", BoardFilterField.self) { name in
            switch name {
            case .status:
                return Form.Field(
                    label: "field.jobStatus", choices: ["all"] + BoardJob.Status.allCases.map(\.rawValue), prefix: "board.status.",
                    selected: board.status?.rawValue ?? "all")
            case .words:
                return Form.Field(label: "field.words", input: TextField(board.query, maxLength: 100), hint: "field.boardWords.hint")
            }
        }
    }

    static func submitFilter(_ form: Form, state: inout AppState) -> [Effect] {
        state.board?.status = BoardJob.Status(rawValue: form[BoardFilterField.status])
        state.board?.query = form[BoardFilterField.words].trimmingCharacters(in: .whitespaces)
        state.board?.selection = 0
        return []
    }
}
