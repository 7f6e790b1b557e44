import StepwiseCore

/// The fields of the job-search agreement form: the words, one yes/no per method, and the
/// contacts a week.
enum AgreementField: String, FormFieldName {
    case titles, travel, hours, channels, advertised, unsolicited, network, phone, walkIn, agency, perWeek
}
/// The fields of the application form.
enum ApplicationField: String, FormFieldName { case employer, jobTitle, date, method, nextStep, nextDate, step }
/// The fields of the form that moves an application's status on.
enum ApplicationStatusField: String, FormFieldName { case status, date }
/// The fields of the interview form: when and where, how it went, and the employer's feedback.
enum InterviewField: String, FormFieldName { case date, time, place, howItWent, feedbackAgreed, feedback }
/// The fields of the follow-along form: what started, and the rhythm of contacts.
enum FollowAlongField: String, FormFieldName { case reason, start, what, weeklyWeeks, thenEveryWeeks, until }
/// The fields of a follow-along contact.
enum FollowContactField: String, FormFieldName { case date, with, said, next }

/// The forms of the jobs tab, and what submitting them changes.
enum JobsForms {
    /// The most contacts a week an agreement may ask for.
    static let maxPerWeek = 50
    /// The most weeks of the follow-along rhythm's fields.
    static let maxWeeks = 104

    static func agreement(_ agreement: JobSearchAgreement?) -> Form {
        Form(purpose: .jobAgreement, title: agreement == nil ? "form.jobAgreement.title" : "form.editJobAgreement.title", AgreementField.self) {
            name in
            switch name {
            case .titles:
                return Form.Field(label: "field.jobTitles", input: TextField(agreement?.titles ?? "", maxLength: 300), hint: "field.jobTitles.hint")
            case .travel: return Form.Field(label: "field.travel", input: TextField(agreement?.travel ?? "", maxLength: 200))
            case .hours: return Form.Field(label: "field.jobHours", input: TextField(agreement?.hours ?? "", maxLength: 200))
            case .channels:
                return Form.Field(label: "field.channels", input: TextField(agreement?.channels ?? "", maxLength: 300), hint: "field.channels.hint")
            case .advertised, .unsolicited, .network, .phone, .walkIn, .agency:
                let method = ApplicationMethod(rawValue: name.rawValue) ?? .advertised
                return Form.Field(
                    label: "field.method.\(method.rawValue)", choices: CoachingForms.yesNo, prefix: "choice.",
                    selected: agreement?.methods.contains(method) == true ? "yes" : "no")
            case .perWeek:
                return Form.Field(
                    label: "field.perWeek", input: TextField(agreement.map { String($0.perWeek) } ?? "", maxLength: 2), hint: "field.perWeek.hint")
            }
        }
    }

    static func application(_ application: JobApplication?, participant p: Participant, today: Day, strings: Localizer) -> Form {
        var values = ["none"]
        var labels = [strings("offers.noStep")]
        for goal in p.plan.goals where goal.dropped == nil {
            for step in goal.steps where step.status != .dropped || step.id == application?.stepId {
                values.append(step.id)
                labels.append(DisplayWidth.truncate(step.text.text, to: 50))
            }
        }
        let title = application == nil ? "form.application.title" : "form.editApplication.title"
        return Form(purpose: .application(application?.id), title: title, ApplicationField.self) { name in
            switch name {
            case .employer: return Form.Field(label: "field.applicationEmployer", input: TextField(application?.employer ?? "", maxLength: 200))
            case .jobTitle: return Form.Field(label: "field.jobTitle", input: TextField(application?.jobTitle ?? "", maxLength: 200))
            case .date:
                return Form.Field(
                    label: "field.date", input: TextField(suggesting: strings.numericDate(application?.day ?? today), maxLength: 40),
                    hint: "field.date.hint")
            case .method:
                return Form.Field(
                    label: "field.applicationMethod", choices: ApplicationMethod.allCases.map(\.rawValue), prefix: "jobs.method.",
                    selected: application?.method.rawValue)
            case .nextStep:
                return Form.Field(label: "field.nextStep", input: TextField(application?.nextStep ?? "", maxLength: 300), hint: "field.nextStep.hint")
            case .nextDate:
                return Form.Field(
                    label: "field.nextStepDate", input: TextField(application?.nextStepDay.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.optionalDate.hint")
            case .step:
                var field = Form.Field(label: "field.forStep", choices: values, prefix: "", selected: application?.stepId ?? "none")
                field.choiceLabels = labels
                return field
            }
        }
    }

    /// Moving `application` on: the statuses that may follow its current one.
    static func status(_ application: JobApplication, today: Day, strings: Localizer) -> Form {
        Form(purpose: .applicationStatus(application.id), title: "form.applicationStatus.title", ApplicationStatusField.self) { name in
            switch name {
            case .status:
                return Form.Field(
                    label: "field.status", choices: application.status.next.map(\.rawValue), prefix: "jobs.status.", selected: nil)
            case .date:
                return Form.Field(
                    label: "field.date", input: TextField(suggesting: strings.numericDate(today), maxLength: 40), hint: "field.date.hint")
            }
        }
    }

    static func interview(_ interview: Interview?, of application: String, today: Day, strings: Localizer) -> Form {
        var form = Form(
            purpose: .interview(application: application, interview: interview?.id),
            title: interview == nil ? "form.interview.title" : "form.editInterview.title", InterviewField.self
        ) { name in
            switch name {
            case .date:
                let date = interview.map { TextField(strings.numericDate($0.day), maxLength: 40) }
                return Form.Field(
                    label: "field.date", input: date ?? TextField(suggesting: strings.numericDate(today), maxLength: 40), hint: "field.date.hint")
            case .time: return Form.Field(label: "field.time", input: TextField(interview?.time ?? "", maxLength: 5), hint: "field.time.hint")
            case .place: return Form.Field(label: "field.place", input: TextField(interview?.place ?? "", maxLength: 200))
            case .howItWent:
                return Form.Field(
                    label: "field.howItWent", input: TextField(interview?.howItWent?.text ?? "", multiline: true), hint: "field.howItWent.hint")
            case .feedbackAgreed:
                return Form.Field(
                    label: "field.feedbackAgreed", choices: CoachingForms.yesNo, prefix: "choice.",
                    selected: interview?.feedbackAgreed == true ? "yes" : "no")
            case .feedback:
                return Form.Field(
                    label: "field.feedback", input: TextField(interview?.feedback?.text ?? "", multiline: true), hint: "field.feedback.hint")
            }
        }
        form.base = interview.map { $0.howItWent?.text ?? "" }
        return form
    }

    /// Starting follow-along support (filled in from the job or education that started, if
    /// the outcome or a milestone says so), or changing its rhythm.
    static func followAlong(_ p: Participant, today: Day, strings: Localizer) -> Form {
        let current = p.followAlong
        let started = p.startedJobOrEducation
        let reason = current?.reason ?? started?.reason ?? .job
        let start = current?.start ?? started?.day ?? today
        return Form(purpose: .followAlong, title: current == nil ? "form.followAlong.title" : "form.editFollowAlong.title", FollowAlongField.self) {
            name in
            switch name {
            case .reason:
                return Form.Field(
                    label: "field.followReason", choices: FollowAlong.Reason.allCases.map(\.rawValue), prefix: "follow.reason.",
                    selected: reason.rawValue)
            case .start:
                return Form.Field(label: "field.followStart", input: TextField(strings.numericDate(start), maxLength: 40), hint: "field.date.hint")
            case .what:
                return Form.Field(
                    label: "field.followWhat", input: TextField(current?.what ?? started?.text ?? "", maxLength: 300), hint: "field.followWhat.hint")
            case .weeklyWeeks:
                return Form.Field(
                    label: "field.weeklyWeeks", input: TextField(String(current?.weeklyWeeks ?? FollowAlong.suggestedWeeklyWeeks), maxLength: 3),
                    hint: "field.weeklyWeeks.hint")
            case .thenEveryWeeks:
                return Form.Field(
                    label: "field.thenEveryWeeks",
                    input: TextField(String(current?.thenEveryWeeks ?? FollowAlong.suggestedEveryWeeks), maxLength: 3),
                    hint: "field.thenEveryWeeks.hint")
            case .until:
                return Form.Field(
                    label: "field.followUntil", input: TextField(current?.until.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.followUntil.hint")
            }
        }
    }

    static func followContact(_ support: FollowAlong, today: Day, strings: Localizer) -> Form {
        Form(purpose: .followAlongContact, title: "form.followContact.title", FollowContactField.self) { name in
            switch name {
            case .date:
                return Form.Field(
                    label: "field.date", input: TextField(suggesting: strings.numericDate(today), maxLength: 40), hint: "field.date.hint")
            case .with: return Form.Field(label: "field.followWith", input: TextField(maxLength: 200), hint: "field.followWith.hint")
            case .said: return Form.Field(label: "field.followSaid", input: TextField(multiline: true), hint: "field.followSaid.hint")
            case .next:
                return Form.Field(
                    label: "field.followNext", input: TextField(maxLength: 40),
                    hint: support.nextDue.map { _ in "field.followNext.hint" } ?? "field.optionalDate.hint")
            }
        }
    }

    /// Checks a jobs-tab form; marks bad fields, or returns the edit to make (nil, too, for a
    /// form of another tab).
    static func submit(_ form: inout Form, today: Day, env: UIEnvironment) -> PlanForms.Edit? {
        var read = FormReader(form, env: env, today: today)
        defer { form = read.form }
        switch form.purpose {
        case .jobAgreement:
            let methods = ApplicationMethod.allCases.filter { method in
                AgreementField(rawValue: method.rawValue).map { read[$0] == "yes" } ?? false
            }
            let perWeek = read.int(AgreementField.perWeek, in: 0...maxPerWeek, optional: false, message: "error.perWeek")
            guard let perWeek = perWeek ?? nil else { return nil }
            let (titles, travel, hours, channels) = (
                read[AgreementField.titles], read[AgreementField.travel], read[AgreementField.hours], read[AgreementField.channels]
            )
            return { p, editor in
                let before = p.jobSearch.agreement
                p.writeJobSearchAgreement(
                    titles: titles, travel: travel, hours: hours, channels: channels, methods: methods, perWeek: perWeek,
                    stamp: Stamp(by: editor.name, at: editor.now))
                guard let after = p.jobSearch.agreement else { return nil }
                if let before, before.titles == titles, before.travel == travel, before.hours == hours, before.channels == channels,
                    before.methods == methods, before.perWeek == perWeek
                {
                    p.jobSearch.agreement = before
                    return nil
                }
                return PlanChange(.jobSearch, after.titles, detail: before == nil ? "agreement" : "agreementChanged")
            }
        case .application(let id):
            let employer = read.required(ApplicationField.employer)
            let day = read.date(ApplicationField.date, optional: false)
            let next = read.date(ApplicationField.nextDate, optional: true)
            guard let employer, let day = day ?? nil, let nextDay = next else { return nil }
            let method = ApplicationMethod(rawValue: read[ApplicationField.method]) ?? .advertised
            let (title, nextStep) = (read[ApplicationField.jobTitle], read[ApplicationField.nextStep])
            let step = read[ApplicationField.step] == "none" ? nil : read[ApplicationField.step]
            return { p, editor in
                let stamp = Stamp(by: editor.name, at: editor.now)
                guard let id else {
                    p.addApplication(
                        JobApplication(
                            id: editor.makeID("a"), employer: employer, jobTitle: title, day: day, method: method, stamp: stamp,
                            nextStep: nextStep, nextStepDay: nextDay, stepId: step))
                    return PlanChange(.jobSearch, employer, detail: "application")
                }
                guard let index = p.jobSearch.applications.firstIndex(where: { $0.id == id }) else { return nil }
                var application = p.jobSearch.applications[index]
                let before = application
                application.employer = employer
                application.jobTitle = title
                application.method = method
                application.nextStep = nextStep
                application.nextStepDay = nextDay
                application.stepId = step
                if application.history.count == 1 {
                    // The day it was sent moves with the first status, which is that day.
                    application.day = day
                    application.history[0].day = day
                }
                guard application != before else { return nil }
                p.jobSearch.applications[index] = application
                return PlanChange(.jobSearch, employer, detail: "applicationChanged")
            }
        case .applicationStatus(let id):
            guard let status = ApplicationStatus(rawValue: read[ApplicationStatusField.status]),
                let day = read.date(ApplicationStatusField.date, optional: false) ?? nil
            else { return nil }
            return { p, editor in
                guard (try? p.moveApplication(id, to: status, on: day, stamp: Stamp(by: editor.name, at: editor.now))) != nil else {
                    return nil
                }
                return PlanChange(.jobSearch, p.jobSearch.application(id)?.employer ?? "", detail: status.rawValue)
            }
        case .interview(let application, let interviewID):
            let day = read.date(InterviewField.date, optional: false)
            let time = read.time(InterviewField.time)
            let agreed = read[InterviewField.feedbackAgreed] == "yes"
            let (went, feedback, place) = (read[InterviewField.howItWent], read[InterviewField.feedback], read[InterviewField.place])
            if !feedback.isEmpty && !agreed { read.mark(InterviewField.feedback, "error.feedbackNotAgreed") }
            guard read.isValid, let day = day ?? nil, let time else { return nil }
            return { p, editor in
                let words = { (text: String) in
                    text.isEmpty ? nil : Words(text, author: editor.author, by: editor.name, at: editor.now)
                }
                let stamp = Stamp(by: editor.name, at: editor.now)
                guard let current = p.jobSearch.application(application) else { return nil }
                let id = interviewID ?? editor.makeID("i")
                if let existing = current.interviews.first(where: { $0.id == id }) {
                    var changed = existing
                    changed.day = day
                    changed.time = time
                    changed.place = place
                    // Unchanged words keep who wrote them and when.
                    changed.howItWent = existing.howItWent?.text == went ? existing.howItWent : words(went)
                    changed.feedbackAgreed = agreed
                    changed.feedback = existing.feedback?.text == feedback ? existing.feedback : words(feedback)
                    guard changed != existing, let index = p.jobSearch.applications.firstIndex(where: { $0.id == application }),
                        let slot = current.interviews.firstIndex(where: { $0.id == id })
                    else { return nil }
                    p.jobSearch.applications[index].interviews[slot] = changed
                    return PlanChange(.jobSearch, current.employer, detail: "interviewRecorded")
                }
                let interview = Interview(
                    id: id, day: day, time: time, place: place, howItWent: words(went), feedbackAgreed: agreed, feedback: words(feedback))
                guard (try? p.addInterview(interview, to: application, stamp: stamp)) != nil else { return nil }
                return PlanChange(.jobSearch, current.employer, detail: "interview")
            }
        case .followAlong:
            let reason = FollowAlong.Reason(rawValue: read[FollowAlongField.reason]) ?? .job
            let start = read.date(FollowAlongField.start, optional: false)
            let weekly = read.int(FollowAlongField.weeklyWeeks, in: 0...maxWeeks, optional: false, message: "error.weeks")
            let every = read.int(FollowAlongField.thenEveryWeeks, in: 1...maxWeeks, optional: false, message: "error.weeksOne")
            let until = read.date(FollowAlongField.until, optional: true)
            guard let start = start ?? nil, let weekly = weekly ?? nil, let every = every ?? nil, let until else { return nil }
            if let end = until, end < start {
                read.mark(FollowAlongField.until, "error.untilBeforeStart")
                return nil
            }
            let what = read[FollowAlongField.what]
            return { p, editor in
                let before = p.followAlong
                p.writeFollowAlong(
                    reason: reason, start: start, what: what, weeklyWeeks: weekly, thenEveryWeeks: every, until: until,
                    stamp: Stamp(by: editor.name, at: editor.now))
                if let before, var after = p.followAlong {
                    after.written = before.written
                    if after == before {
                        p.followAlong = before
                        return nil
                    }
                }
                return PlanChange(.jobSearch, what, detail: before == nil ? "followAlong" : "followAlongChanged")
            }
        case .followAlongContact:
            let day = read.date(FollowContactField.date, optional: false)
            let said = read.required(FollowContactField.said)
            let next = read.date(FollowContactField.next, optional: true)
            guard let day = day ?? nil, let said, let next else { return nil }
            if let next, next <= day {
                read.mark(FollowContactField.next, "error.nextAfterContact")
                return nil
            }
            let with = read[FollowContactField.with]
            return { p, editor in
                guard p.followAlong != nil else { return nil }
                p.addFollowAlongContact(
                    FollowAlongContact(
                        id: editor.makeID("f"), day: day, with: with,
                        said: Words(said, author: editor.author, by: editor.name, at: editor.now), next: next))
                return PlanChange(.jobSearch, with, detail: "followAlongContact")
            }
        default:
            return nil
        }
    }
}
