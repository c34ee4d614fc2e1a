package workbench.console.lab;

import java.io.ByteArrayInputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts a call to {@link StopSignal#check()} at the start of every method and before every
 * backward branch of a snippet class, so that loops and recursion notice a stop request.
 */
final class StopCheckWeaver {

    private static final ClassDesc SIGNAL = ClassDesc.of(StopSignal.class.getName());

    /** Snippet classes are not visible to the system class loader; stack maps need their supertypes. */
    private final Map<ClassDesc, byte[]> snippetClasses = new ConcurrentHashMap<>();
    private final ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(
                    desc -> {
                        byte[] bytes = snippetClasses.get(desc);
                        return bytes == null ? null : new ByteArrayInputStream(bytes);
                    }))));

    private StopCheckWeaver() {
    }

    static StopCheckWeaver create() {
        return new StopCheckWeaver();
    }

    /** Remembers a class's original bytes so later instrumentation can resolve it as a supertype. */
    void remember(String binaryName, byte[] bytes) {
        snippetClasses.put(ClassDesc.of(binaryName), bytes);
    }

    byte[] instrument(byte[] bytes) {
        return classFile.transformClass(classFile.parse(bytes),
                ClassTransform.transformingMethodBodies(CodeTransform.ofStateful(MethodWeaver::new)));
    }

    /** Per method body: labels already passed are the targets of backward branches. */
    private static final class MethodWeaver implements CodeTransform {
        private final Set<Label> passed = new HashSet<>();

        @Override
        public void atStart(CodeBuilder builder) {
            insertCheck(builder);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            switch (element) {
                case LabelTarget target -> passed.add(target.label());
                case BranchInstruction branch when passed.contains(branch.target()) -> insertCheck(builder);
                default -> { }
            }
            builder.with(element);
        }

        private static void insertCheck(CodeBuilder builder) {
            builder.invokestatic(SIGNAL, "check", ConstantDescs.MTD_void);
        }
    }
}
