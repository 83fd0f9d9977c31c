@testable import Detection

/// A dictionary-backed event for tests: field name (with `[arg]`) → value.
struct FilterTestEvent: FieldSource {
    var source = "syscall"
    var eventType: String?
    var values: [String: FieldValue]

    init(_ values: [String: FieldValue], type: String? = nil, source: String = "syscall") {
        self.values = values
        self.eventType = type
        self.source = source
    }

    func extract(_ field: FieldRef) -> FieldValue? {
        if field.name == "evt.type", let eventType { return .string(eventType) }
        return values[field.description] ?? values[field.name]
    }
}

/// Parses, compiles and evaluates a condition against `event`.
func filterEvaluate(_ condition: String, _ event: FilterTestEvent, source: String = "syscall") throws -> Bool {
    var compiler = FilterCompiler(source: source)
    return try compiler.compile(FilterParser.parse(condition)).matches(event)
}
