/**
 * How the shell starts the SVG renderer's child (app/readers/svg): the services re-export what a shell
 * needs to install its own way, so app/main need not reach into the readers.
 */
export { RESVG_MODULE, SVG_CHILD_FILE, SvgChildFailure, nodeSvgChild, useSvgChildRunner, type SvgChildRunner } from '../../readers/svg/rasterise.js';
