import PalisadeCore

/// Runs gator suites with `gator verify`'s semantics: every assertion of
/// every case is one result, named `suite/test/case` (plus `#N` when a case
/// has several assertions).
public struct GatorRunner {
    public struct Result: Sendable {
        public var file: String
        public var name: String
        /// Nil when the assertion held.
        public var failure: String?
        public var skipped: Bool = false
    }

    public var options: EvalOptions
    private var templates: [String: GatorOutcome<TemplateProgram>] = [:]

    public init(options: EvalOptions = .init()) {
        self.options = options
    }

    public mutating func run(_ suite: GatorSuite) -> [Result] {
        var results: [Result] = []
        let suiteName = suite.name.isEmpty ? suite.file : suite.name
        for test in suite.tests {
            let prefix = "\(suiteName)/\(test.name)"
            let prepared = prepare(test, suite: suite)
            for c in test.cases {
                let caseName = "\(prefix)/\(c.name)"
                if suite.skip || test.skip || c.skip {
                    results.append(Result(file: suite.file, name: caseName, failure: nil, skipped: true))
                    continue
                }
                let outcome: GatorOutcome<[Violation]>
                switch prepared {
                case .failure(let message): outcome = .failure(message)
                case .success(let pair): outcome = review(c, suite: suite, program: pair.0, constraint: pair.1)
                }
                if c.assertions.isEmpty {
                    results.append(Result(file: suite.file, name: caseName, failure: "case has no assertions"))
                }
                for (i, assertion) in c.assertions.enumerated() {
                    let name = c.assertions.count > 1 ? "\(caseName)#\(i)" : caseName
                    switch outcome {
                    case .failure(let message): results.append(Result(file: suite.file, name: name, failure: message))
                    case .success(let violations):
                        results.append(Result(file: suite.file, name: name, failure: assertion.check(violations)))
                    }
                }
            }
            if test.cases.isEmpty, test.invalid {
                let failure: String? = { if case .failure = prepared { return nil }; return "expected the template or constraint to be rejected" }()
                results.append(Result(file: suite.file, name: prefix, failure: failure))
            }
        }
        return results
    }

    private mutating func prepare(_ test: GatorSuite.Test, suite: GatorSuite) -> GatorOutcome<(TemplateProgram, Constraint)> {
        let templatePath = GatorFiles.resolve(test.template, from: suite.file)
        let program: TemplateProgram
        switch loadTemplate(templatePath) {
        case .failure(let m): return .failure(m)
        case .success(let p): program = p
        }
        let constraintPath = GatorFiles.resolve(test.constraint, from: suite.file)
        do {
            let docs = try GatorFiles.documents(constraintPath)
            guard docs.count == 1 else {
                return .failure("\(constraintPath): expected one constraint, found \(docs.count) documents")
            }
            let constraint = try Constraint(docs[0], file: constraintPath)
            guard constraint.kind == program.template.constraintKind else {
                return .failure("\(constraintPath): constraint kind \(constraint.kind) does not match template kind \(program.template.constraintKind)")
            }
            return .success((program, constraint))
        } catch {
            return .failure("\(error)")
        }
    }

    private mutating func loadTemplate(_ path: String) -> GatorOutcome<TemplateProgram> {
        if let cached = templates[path] { return cached }
        let result: GatorOutcome<TemplateProgram>
        do {
            let docs = try GatorFiles.documents(path)
            guard docs.count == 1 else { throw GatekeeperError("expected one ConstraintTemplate, found \(docs.count) documents", file: path) }
            result = .success(try TemplateProgram(ConstraintTemplate(docs[0], file: path)))
        } catch {
            result = .failure("\(error)")
        }
        templates[path] = result
        return result
    }

    private func review(_ c: GatorSuite.Case, suite: GatorSuite, program: TemplateProgram, constraint: Constraint) -> GatorOutcome<[Violation]> {
        do {
            let objectPath = GatorFiles.resolve(c.object, from: suite.file)
            let docs = try GatorFiles.documents(objectPath)
            guard docs.count == 1 else {
                throw GatekeeperError("expected exactly one object, found \(docs.count)", file: objectPath)
            }
            let request = try AdmissionReviewRequest.from(docs[0], file: objectPath)
            var inventory = Inventory()
            for path in c.inventory {
                for object in try GatorFiles.documents(GatorFiles.resolve(path, from: suite.file)) {
                    inventory.add(object)
                }
            }
            let namespace = inventory.namespace(named: request.namespace)
            guard constraint.match.matches(request, namespace: namespace) else { return .success([]) }
            return .success(try program.violations(request, constraint: constraint, inventory: inventory, options: options))
        } catch {
            return .failure("\(error)")
        }
    }
}

/// A success value or a failure message (Swift's Result needs an Error type).
enum GatorOutcome<T> {
    case success(T)
    case failure(String)
}
