/// Executes a parsed template against its data, with bounded output and work.
struct GoTemplateExecutor {
    typealias Failure = GoTemplate.Failure
    typealias Node = GoTemplate.Node

    enum Flow { case normal, breakLoop, continueLoop }

    let root: GoTemplateValue
    private(set) var output = ""
    private var variables: [(name: String, value: GoTemplateValue)]
    private var steps = 0
    private let maxSteps = 1_000_000
    private let maxOutput = 16 << 20

    init(root: GoTemplateValue) {
        self.root = root
        variables = [("$", root)]
    }

    mutating func walk(_ nodes: [Node], dot: GoTemplateValue) throws -> Flow {
        for node in nodes {
            steps += 1
            guard steps < maxSteps, output.utf8.count < maxOutput else { throw Failure(message: "template: too much output") }
            let flow = try execute(node, dot: dot)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private mutating func execute(_ node: Node, dot: GoTemplateValue) throws -> Flow {
        switch node {
        case .text(let text):
            output += text
        case .action(let pipeline):
            let value = try evaluate(pipeline, dot: dot)
            if pipeline.variables.isEmpty { output += value.text }
        case .ifBlock(let pipeline, let body, let elseBody):
            return try scoped { me in
                try me.walk(try me.evaluate(pipeline, dot: dot).isTrue ? body : elseBody, dot: dot)
            }
        case .withBlock(let pipeline, let body, let elseBody):
            return try scoped { me in
                let value = try me.evaluate(pipeline, dot: dot)
                return value.isTrue ? try me.walk(body, dot: value) : try me.walk(elseBody, dot: dot)
            }
        case .rangeBlock(let pipeline, let body, let elseBody):
            return try scoped { me in try me.range(pipeline, body, elseBody, dot: dot) }
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        }
        return .normal
    }

    /// Runs `body`, then forgets the variables it declared.
    private mutating func scoped(_ body: (inout GoTemplateExecutor) throws -> Flow) rethrows -> Flow {
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        return try body(&self)
    }

    private mutating func range(_ pipeline: GoTemplate.Pipeline, _ body: [Node], _ elseBody: [Node], dot: GoTemplateValue) throws -> Flow {
        var loopPipeline = pipeline
        loopPipeline.variables = []
        let collection = try evaluate(loopPipeline, dot: dot)
        let pairs: [(GoTemplateValue, GoTemplateValue)]
        switch collection {
        case .array(let items): pairs = items.enumerated().map { (.int($0.offset), $0.element) }
        case .object(let fields): pairs = fields.keys.sorted().map { (.string($0), fields[$0] ?? .null) }
        case .int(let n): pairs = (0..<max(0, min(n, maxSteps))).map { (.int($0), .int($0)) }
        case .undefined, .null: pairs = []
        default: throw Failure(message: "template: range can't iterate over \(collection.text)")
        }
        if pairs.isEmpty { return try walk(elseBody, dot: dot) }
        for (key, element) in pairs {
            let mark = variables.count
            if pipeline.variables.count == 1 {
                variables.append((pipeline.variables[0], element))
            } else if pipeline.variables.count >= 2 {
                variables.append((pipeline.variables[0], key))
                variables.append((pipeline.variables[1], element))
            }
            let flow = try walk(body, dot: element)
            variables.removeSubrange(mark...)
            if flow == .breakLoop { break }
        }
        return .normal
    }

    // MARK: Pipelines

    mutating func evaluate(_ pipeline: GoTemplate.Pipeline, dot: GoTemplateValue) throws -> GoTemplateValue {
        var value: GoTemplateValue?
        for command in pipeline.commands {
            value = try evaluate(command, dot: dot, piped: value, source: pipeline.source)
        }
        let result = value ?? .undefined
        for name in pipeline.variables {
            if pipeline.declares {
                variables.append((name, result))
            } else if let i = variables.lastIndex(where: { $0.name == name }) {
                variables[i].value = result
            } else {
                throw Failure(message: "template: undefined variable: \(name)")
            }
        }
        return result
    }

    private mutating func evaluate(_ command: [GoTemplate.Operand], dot: GoTemplateValue, piped: GoTemplateValue?, source: String) throws -> GoTemplateValue {
        if case .function(let name) = command[0] {
            var args = try command.dropFirst().map { try operand($0, dot: dot) }
            if let piped { args.append(piped) }
            return try GoTemplateFunctions.call(name, args)
        }
        guard command.count == 1, piped == nil else {
            throw Failure(message: "template: can't give argument to non-function in \(source)")
        }
        return try operand(command[0], dot: dot)
    }

    private mutating func operand(_ operand: GoTemplate.Operand, dot: GoTemplateValue) throws -> GoTemplateValue {
        switch operand {
        case .dot: return dot
        case .literal(let value): return value
        case .variable(let name):
            guard let found = variables.last(where: { $0.name == name }) else {
                throw Failure(message: "template: undefined variable: \(name)")
            }
            return found.value
        case .function(let name):
            return try GoTemplateFunctions.call(name, [])
        case .pipeline(let pipeline):
            return try evaluate(pipeline, dot: dot)
        case .fields(let base, let names):
            var value = try self.operand(base, dot: dot)
            for name in names { value = try field(name, of: value) }
            return value
        }
    }

    private func field(_ name: String, of value: GoTemplateValue) throws -> GoTemplateValue {
        switch value {
        case .object(let fields): return fields[name] ?? .undefined
        case .undefined: return .undefined
        case .null: throw Failure(message: "template: nil pointer evaluating interface {}.\(name)")
        default: throw Failure(message: "template: can't evaluate field \(name) in type \(value.goType)")
        }
    }
}
