/**
 * The air-gap check's view of the machine in GUI tests. The machines the tests run on are on a
 * network (CI, developers), so the real check would raise its dialog in every test: the harness
 * installs `cleanAirGap` (only the loopback, an ext4 root on a virtio disk) unless a test asks for
 * another, e.g. `wiredAirGap` (eth0 up with a carrier) to see the dialog.
 */
import type { AirGapView } from '../../media/air-gap.js';
import { fakeProbe } from '../unit/media/fake-system.js';

const MOUNTS = '22 1 254:1 / / rw,relatime - ext4 /dev/vda1 rw\n';

export const cleanAirGap: AirGapView = fakeProbe({ mountinfo: MOUNTS, dirs: ['/sys/class/net/lo'], files: { '/sys/class/net/lo/operstate': 'unknown\n' } });

export const wiredAirGap: AirGapView = fakeProbe({
  mountinfo: MOUNTS,
  dirs: ['/sys/class/net/lo', '/sys/class/net/eth0'],
  files: { '/sys/class/net/lo/operstate': 'unknown\n', '/sys/class/net/eth0/operstate': 'up\n', '/sys/class/net/eth0/carrier': '1\n' },
});
