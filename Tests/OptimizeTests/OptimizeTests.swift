// Tests of the Optimize module.
