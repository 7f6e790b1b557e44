import Foundation

/// Changes to a participant's job search, each keeping the rules of `JobSearch`.
extension Participant {
    /// Writes the agreement, or saves a change to it as a new version that needs the citizen's
    /// approval again. `perWeek` below 0 is read as 0.
    public mutating func writeJobSearchAgreement(
        titles: String, travel: String, hours: String, channels: String,
        methods: [ApplicationMethod], perWeek: Int, stamp: Stamp
    ) {
        let previous = jobSearch.agreement
        jobSearch.agreement = JobSearchAgreement(
            titles: titles, travel: travel, hours: hours, channels: channels, methods: methods,
            perWeek: max(0, perWeek), version: (previous?.version ?? 0) + 1, written: stamp,
            approvals: previous?.approvals ?? [])
    }

    /// Records the citizen's approval of the agreement as it stands; `stamp` carries the citizen's name.
    /// Does nothing when there is no agreement or it is approved already.
    public mutating func approveJobSearchAgreement(on day: Day, stamp: Stamp) {
        guard var agreement = jobSearch.agreement, !agreement.isApproved else { return }
        agreement.approvals.append(Approval(day: day, version: agreement.version, conversation: nil, stamp: stamp))
        jobSearch.agreement = agreement
    }

    /// Adds an application or employer contact.
    public mutating func addApplication(_ application: JobApplication) {
        jobSearch.applications.append(application)
    }

    /// Moves application `id` on to `status` on `day`.
    /// - Throws: `JobSearchError.notFound` for an unknown id, `.statusNotAllowed` when the status
    ///   does not follow the current one.
    public mutating func moveApplication(_ id: String, to status: ApplicationStatus, on day: Day, stamp: Stamp) throws {
        try changeApplication(id) { try $0.move(to: status, on: day, stamp: stamp) }
    }

    /// Adds an interview to application `id`, moving a sent application on to `interview`.
    /// - Throws: `JobSearchError.notFound` for an unknown id.
    public mutating func addInterview(_ interview: Interview, to id: String, stamp: Stamp) throws {
        try changeApplication(id) { application in
            application.interviews.append(interview)
            if application.status == .sent { try application.move(to: .interview, on: interview.day, stamp: stamp) }
        }
    }

    /// Records how interview `interviewId` went, in the citizen's words, and the employer's feedback.
    /// - Throws: `JobSearchError.notFound` for an unknown id; `.feedbackNotAgreed` when feedback is
    ///   given but the citizen has not agreed that the employer is asked.
    public mutating func recordInterview(
        _ interviewId: String, of id: String, howItWent: Words?, feedbackAgreed: Bool,
        feedback: Words?
    ) throws {
        if feedback != nil && !feedbackAgreed { throw JobSearchError.feedbackNotAgreed }
        try changeApplication(id) { application in
            guard let index = application.interviews.firstIndex(where: { $0.id == interviewId }) else {
                throw JobSearchError.notFound(interviewId)
            }
            application.interviews[index].howItWent = howItWent
            application.interviews[index].feedbackAgreed = feedbackAgreed
            application.interviews[index].feedback = feedback
        }
    }

    private mutating func changeApplication(_ id: String, _ change: (inout JobApplication) throws -> Void) throws {
        guard let index = jobSearch.applications.firstIndex(where: { $0.id == id }) else {
            throw JobSearchError.notFound(id)
        }
        try change(&jobSearch.applications[index])
    }
}
