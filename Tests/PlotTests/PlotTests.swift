// Tests of the Plot module.
