import Foundation

/// Rules a decoded record must meet beyond its JSON shape.
enum Validation {
    static func check(_ participant: Participant, file: String) throws {
        let expected = (file as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        guard RecordID.isValid(participant.id) else {
            throw RecordProblem(file: file, field: "id", reason: "is not a valid id")
        }
        if participant.id != expected {
            throw RecordProblem(file: file, field: "id", reason: "does not match the file name: expected \(expected)")
        }
        if participant.name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: "name", reason: "is empty")
        }
        for (index, conversation) in participant.conversations.enumerated() where !(1...3).contains(conversation.number) {
            throw RecordProblem(file: file, field: "conversations[\(index)].number", reason: "must be 1, 2 or 3")
        }
    }

    static func check(_ offer: Offer, file: String) throws {
        guard RecordID.isValid(offer.id) else {
            throw RecordProblem(file: file, field: "id", reason: "is not a valid id")
        }
        if offer.title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RecordProblem(file: file, field: "title", reason: "is empty")
        }
        if offer.capacity < 0 {
            throw RecordProblem(file: file, field: "capacity", reason: "must be 0 or more")
        }
        if offer.booked.count > offer.capacity {
            throw RecordProblem(file: file, field: "booked", reason: "holds more seats than the capacity")
        }
    }
}
