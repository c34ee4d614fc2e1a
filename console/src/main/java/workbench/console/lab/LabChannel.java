package workbench.console.lab;

/** The two connections the lab agent opens back to the console. */
enum LabChannel {
    /** JShell's command stream, multiplexed with the lab's System.out, System.err and System.in. */
    COMMANDS,
    /** One byte per stop request: free while the command stream waits for a running snippet. */
    STOP
}
