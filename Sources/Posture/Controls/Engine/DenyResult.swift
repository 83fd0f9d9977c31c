import PalisadeCore

/// One element of a control's `deny` set: `{"msg": ..., "path": ..., "details": ...}`.
/// A plain string element is accepted as the message (conftest style).
struct DenyResult: Sendable, Hashable {
    var message: String
    var path: String?
    var details: Value

    /// The elements of a `deny` value, in sorted (deterministic) order, or a
    /// description of why the value breaks the contract.
    static func results(from value: Value?) -> Result<[DenyResult], DenyContractError> {
        guard let value else { return .success([]) }
        let elements: [Value]
        switch value {
        case .set(let items): elements = items.sorted()
        case .array(let items): elements = items
        default: return .failure(DenyContractError(message: "deny is \(value.typeName), expected a set of objects with a string msg"))
        }
        var results: [DenyResult] = []
        for element in elements {
            guard let result = DenyResult(element) else {
                return .failure(DenyContractError(message: "deny element \(JSONWriter.string(element)) is not an object with a string msg"))
            }
            results.append(result)
        }
        return .success(results)
    }

    init?(_ element: Value) {
        if let text = element.stringValue {
            self.init(message: text, path: nil, details: .null)
            return
        }
        guard case .object = element, let message = element["msg"]?.stringValue else { return nil }
        let path = element["path"]?.stringValue
        self.init(message: message, path: path?.isEmpty == true ? nil : path, details: element["details"] ?? .null)
    }

    init(message: String, path: String?, details: Value) {
        self.message = message
        self.path = path
        self.details = details
    }
}

struct DenyContractError: Error, Sendable {
    var message: String
}
